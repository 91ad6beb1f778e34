// Reading a year's actual values from a workbook in the export's layout, and checking all of it before
// anything is written: the plan, the columns, every row's key, every value (read as staff type it, with the
// series' unit), duplicates, the user's right to each changed measure and the sheet's state. Pure apart from
// exceljs reading the bytes: the database's side is given as an ImportContext.
import ExcelJS from "exceljs";
import type { Row, Workbook, Worksheet } from "exceljs";
import Decimal from "decimal.js";
import { can, type Actor } from "../authz/permissions";
import { inspectXlsxArchive } from "./archive-check";
import { canonicalizeXlsxPackage } from "./xlsx-package";
import { fiscalYearWithWestern } from "../fiscal-year";
import { readValueInput } from "../sheets/value-input";
import { cellString, readExcelCell, type StoredCell } from "./cells";
import { ABOUT_ORGANIZATION_CODE, ABOUT_PLAN_SLUG, KEY_NUMBER, KEY_SERIES, SHEET_ABOUT, SHEET_VALUES, seriesKey, yearHeader, yearOfHeader } from "./layout";

export const MAX_IMPORT_ROWS = 5000;

export type ImportSeries = { id: string; label: string; unit: string | null; current: StoredCell | null };
export type ImportMeasure = {
  id: string;
  number: string;
  name: string;
  ownerUnitIds: string[];
  /** the state of the (measure, evaluation year) sheet, null when there is none yet */
  entryState: "draft" | "submitted" | "returned" | "published" | null;
  series: ImportSeries[];
};
export type ImportContext = {
  organizationId: string;
  organizationCode: string;
  planSlug: string;
  planName: string;
  evaluationYear: number;
  evaluationYearOpen: boolean;
  measures: ImportMeasure[];
};

export type ImportIssue = { sheet: string | null; row: number | null; column: string | null; message: string };

export type ImportChange = {
  measureId: string;
  number: string;
  measureName: string;
  seriesId: string;
  seriesLabel: string;
  unit: string | null;
  /** the 指標 sheet's row it came from */
  row: number;
  before: StoredCell | null;
  after: StoredCell;
};

export type ParsedImport = { issues: ImportIssue[]; changes: ImportChange[] };

/** 「シート『指標』の12行目、列『R5実績値（2023）』：…」 */
export function formatIssue(i: ImportIssue): string {
  if (!i.sheet) return i.message;
  const where = `シート『${i.sheet}』${i.row !== null ? `の${i.row}行目` : ""}${i.column ? `${i.row !== null ? "、" : "の"}列『${i.column}』` : ""}`;
  return `${where}：${i.message}`;
}

/** The bytes of an .xlsx file as a workbook, or why not: not an .xlsx, or an archive that would expand too far
 *  (checked before exceljs parses anything, lib/excel/archive-check.ts). Every workbook upload reads through here. */
export async function openWorkbook(bytes: Uint8Array): Promise<{ ok: true; workbook: Workbook } | { ok: false; reason: "not_zip" | "too_large"; message: string }> {
  const archive = inspectXlsxArchive(bytes);
  if (!archive.ok) return archive;
  const wb = new ExcelJS.Workbook();
  try {
    // other programs name the notes' parts differently from Excel (openpyxl): canonical names first, see xlsx-package.ts
    await wb.xlsx.load(canonicalizeXlsxPackage(bytes) as unknown as ArrayBuffer);
    return { ok: true, workbook: wb };
  } catch {
    return { ok: false, reason: "not_zip", message: "Excel ファイル（.xlsx）として読み込めませんでした。" };
  }
}

/** The workbook, or null when the bytes are not a readable .xlsx. */
export async function readWorkbook(bytes: Uint8Array): Promise<Workbook | null> {
  const opened = await openWorkbook(bytes);
  return opened.ok ? opened.workbook : null;
}

const norm = (s: string) => s.normalize("NFKC").trim();

/** Two cells say the same: equal numbers, or (neither a number) the same text once read like typed input. */
export function sameCell(a: StoredCell | null, b: StoredCell | null): boolean {
  const av = a?.value ?? null;
  const bv = b?.value ?? null;
  if (av !== null || bv !== null) return av !== null && bv !== null && new Decimal(av).eq(bv);
  const text = (c: StoredCell | null) => {
    const t = c?.text?.trim() ?? "";
    const read = readValueInput(t, null);
    return read.ok ? (read.text ?? "") : t;
  };
  return text(a) === text(b);
}

/** Header (NFKC, so 「（」 and 「(」 match) → the columns under it, with the header as written for messages. */
function headerColumns(ws: Worksheet): Map<string, { col: number; header: string }[]> {
  const columns = new Map<string, { col: number; header: string }[]>();
  ws.getRow(1).eachCell((cell, col) => {
    const header = cellString(cell.value);
    const h = norm(header);
    if (h) columns.set(h, [...(columns.get(h) ?? []), { col, header }]);
  });
  return columns;
}

function checkAboutSheet(wb: Workbook, ctx: ImportContext, issues: ImportIssue[]) {
  const about = wb.getWorksheet(SHEET_ABOUT);
  if (!about) return;
  const labelled = new Map<string, string>();
  about.eachRow((row) => labelled.set(norm(cellString(row.getCell(1).value)), norm(cellString(row.getCell(2).value))));
  const code = labelled.get(ABOUT_ORGANIZATION_CODE);
  const slug = labelled.get(ABOUT_PLAN_SLUG);
  if ((code && code !== ctx.organizationCode) || (slug && slug !== ctx.planSlug)) {
    issues.push({ sheet: SHEET_ABOUT, row: null, column: null, message: `別の計画（団体コード ${code ?? "－"}、計画コード ${slug ?? "－"}）のファイルです。「${ctx.planName}」から書き出したファイルを使ってください` });
  }
}

/** Every row of the 指標 sheet checked against the plan; the changes only count when there is no issue. */
export function parseImport(wb: Workbook, ctx: ImportContext, actor: Actor): ParsedImport {
  const issues: ImportIssue[] = [];
  const changes: ImportChange[] = [];
  const yearLabel = fiscalYearWithWestern(ctx.evaluationYear);
  if (!ctx.evaluationYearOpen) {
    issues.push({ sheet: null, row: null, column: null, message: `${yearLabel}の評価は受付中ではありません。企画担当が受付を始めてから取り込んでください。` });
  }
  checkAboutSheet(wb, ctx, issues);
  const ws = wb.getWorksheet(SHEET_VALUES);
  if (!ws) {
    issues.push({ sheet: null, row: null, column: null, message: `シート『${SHEET_VALUES}』がありません。このサイトから書き出した Excel ファイルを使ってください。` });
    return { issues, changes };
  }
  const headers = headerColumns(ws);
  const one = (h: string) => headers.get(norm(h))?.[0]?.col ?? null;
  const cols = { keyNo: one(KEY_NUMBER), keyLabel: one(KEY_SERIES), no: one("No"), label: one("区分") };
  const yearCols = [...headers.entries()].filter(([h]) => yearOfHeader(h) === ctx.evaluationYear).flatMap(([, cs]) => cs.map(({ col, header }) => ({ h: header, c: col })));
  const expected = yearHeader(ctx.evaluationYear);
  const keyed = (cols.keyNo !== null || cols.no !== null) && (cols.keyLabel !== null || cols.label !== null);
  if (!keyed) issues.push({ sheet: SHEET_VALUES, row: 1, column: null, message: `見出しの列「No」と「区分」が必要です` });
  if (yearCols.length === 0) issues.push({ sheet: SHEET_VALUES, row: 1, column: expected, message: `${yearLabel}の実績値の列がありません` });
  if (yearCols.length > 1) issues.push({ sheet: SHEET_VALUES, row: 1, column: yearCols[1].h, message: `${yearLabel}の実績値の列が複数あります` });
  if (ws.rowCount > MAX_IMPORT_ROWS) issues.push({ sheet: SHEET_VALUES, row: null, column: null, message: `行が多すぎます（${MAX_IMPORT_ROWS.toLocaleString("ja-JP")}行まで）` });
  if (!keyed || yearCols.length !== 1 || ws.rowCount > MAX_IMPORT_ROWS) return { issues, changes };
  const { h: yearColumnName, c: yearCol } = yearCols[0];
  const text = (row: Row, col: number | null) => (col === null ? "" : norm(cellString(row.getCell(col).value)));

  const byKey = new Map<string, { measure: ImportMeasure; series: ImportSeries }>();
  const byNumber = new Map<string, ImportMeasure>();
  for (const m of ctx.measures) {
    byNumber.set(norm(m.number), m);
    for (const s of m.series) byKey.set(seriesKey(m.number, s.label), { measure: m, series: s });
  }
  const seen = new Map<string, number>();

  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    // rows are matched by the hidden keys; a row pasted in without them, by its visible No and 区分
    const keyNo = text(row, cols.keyNo);
    const keyLabel = text(row, cols.keyLabel);
    const shownNo = text(row, cols.no);
    const shownLabel = text(row, cols.label);
    if ((keyNo && shownNo && keyNo !== shownNo) || (keyLabel && shownLabel && keyLabel !== shownLabel)) {
      const column = keyNo && shownNo && keyNo !== shownNo ? "No" : "区分";
      issues.push({ sheet: SHEET_VALUES, row: r, column, message: `非表示の照合用の列（${KEY_NUMBER}・${KEY_SERIES}）と一致しません。No と区分は書き換えないでください` });
      continue;
    }
    const no = keyNo || shownNo;
    const label = keyLabel || shownLabel;
    const cell = readExcelCell(row.getCell(yearCol).value);
    if (!no && !label) {
      if (cell.kind !== "empty") issues.push({ sheet: SHEET_VALUES, row: r, column: "No", message: "No と区分がありません。どの指標の値か分かりません" });
      continue;
    }
    const measure = byNumber.get(no);
    if (!measure) {
      issues.push({ sheet: SHEET_VALUES, row: r, column: "No", message: `No「${no}」の指標はこの計画にありません` });
      continue;
    }
    const found = byKey.get(seriesKey(no, label));
    if (!found) {
      issues.push({ sheet: SHEET_VALUES, row: r, column: "区分", message: `No ${measure.number} に区分「${label}」はありません（この指標の区分：${measure.series.map((s) => s.label).join("、") || "なし"}）` });
      continue;
    }
    const key = seriesKey(no, label);
    if (seen.has(key)) {
      issues.push({ sheet: SHEET_VALUES, row: r, column: "No", message: `No ${measure.number}「${found.series.label}」の行が重複しています（${seen.get(key)}行目と同じ）` });
      continue;
    }
    seen.set(key, r);

    const { series } = found;
    if (cell.kind === "empty") continue; // blank: no change (the import adds and changes values, it never removes one)
    if (cell.kind === "invalid") {
      issues.push({ sheet: SHEET_VALUES, row: r, column: yearColumnName, message: cell.message });
      continue;
    }
    if (cell.kind === "text" && series.current?.text?.trim() === cell.text) {
      continue; // the printed text as exported (「平均△7.7」): unchanged, even where typed input would not read it
    }
    const read = readValueInput(cell.kind === "number" ? cell.value : cell.text, series.unit);
    if (!read.ok) {
      issues.push({ sheet: SHEET_VALUES, row: r, column: yearColumnName, message: read.message });
      continue;
    }
    const after: StoredCell = { value: read.value, text: read.text };
    if (sameCell(series.current, after)) continue;

    if (!can(actor, "import.values", { organizationId: ctx.organizationId, ownerUnitIds: measure.ownerUnitIds })) {
      issues.push({ sheet: SHEET_VALUES, row: r, column: yearColumnName, message: `No ${measure.number}「${measure.name}」は担当外の指標のため、値を変更できません` });
      continue;
    }
    if (measure.entryState === "submitted") {
      issues.push({ sheet: SHEET_VALUES, row: r, column: yearColumnName, message: `No ${measure.number} の${yearLabel}のシートは提出済みのため、企画担当が差し戻すまで変更できません` });
      continue;
    }
    changes.push({ measureId: measure.id, number: measure.number, measureName: measure.name, seriesId: series.id, seriesLabel: series.label, unit: series.unit, row: r, before: series.current, after });
  }
  return { issues, changes: issues.length ? [] : changes };
}
