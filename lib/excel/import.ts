// Reading a year's actual values (指標) and narratives (記述, import-narratives.ts) from a workbook in the export's
// layout, and checking all of it before anything is written: the plan, the columns, every row's key, every value
// (read as staff type it, with the series' unit), duplicates, the user's right to each changed measure and the
// sheet's state. A cell is an edit when it differs from what the export held (the published value) and from the
// value now; each change carries the sheet's version now and as exported, so a row whose sheet changed since the
// export is flagged (stale) and needs an explicit choice. Edits to any other cell are listed, not imported
// (not-imported.ts). Pure apart from exceljs reading the bytes: the database's side is given as an ImportContext.
import type { CellValue, Row, Workbook, Worksheet } from "exceljs";
import { loadWorkbookBounded } from "./load-bounded";
import Decimal from "decimal.js";
import { can, type Actor } from "../authz/permissions";
import { inspectXlsxArchive } from "./archive-check";
import { canonicalizeXlsxPackage } from "./xlsx-package";
import { fiscalYearWithWestern } from "../fiscal-year";
import { readValueInput } from "../sheets/value-input";
import { cellString, readExcelCell, type StoredCell } from "./cells";
import type { ExportData } from "./build-workbook";
import {
  ABOUT_ORGANIZATION_CODE,
  ABOUT_PLAN_SLUG,
  ABOUT_VERSION_YEAR,
  KEY_NUMBER,
  KEY_SERIES,
  SHEET_ABOUT,
  SHEET_NARRATIVES,
  SHEET_VALUES,
  VERSION_HEADER,
  seriesKey,
  westernYearOf,
  yearHeader,
  yearOfHeader,
  type NarrativeField,
} from "./layout";
import { compareCell, expectedValueCell, type NotImported } from "./not-imported";
import { parseNarrativesSheet } from "./import-narratives";

export const MAX_IMPORT_ROWS = 5000;

export type Narratives = Record<NarrativeField, string | null>;
export type ImportSeries = {
  id: string;
  label: string;
  unit: string | null;
  /** the draft's value when there is one, else the published actual */
  current: StoredCell | null;
  /** the published actual (what an export holds) */
  published: StoredCell | null;
};
export type ImportMeasure = {
  id: string;
  number: string;
  name: string;
  ownerUnitIds: string[];
  /** the state of the (measure, evaluation year) sheet, null when there is none yet */
  entryState: "draft" | "submitted" | "returned" | "published" | null;
  /** that sheet's version now (0: none yet) */
  version: number;
  /** its narratives as being worked on (the draft's, else the published ones) and as published */
  narratives: { current: Narratives; published: Narratives };
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
  /** the plan as an export would write it now: what other cells are compared with (null: not compared) */
  reference: ExportData | null;
};

export type ImportIssue = { sheet: string | null; row: number | null; column: string | null; message: string };

type ChangeBase = {
  measureId: string;
  number: string;
  measureName: string;
  sheet: typeof SHEET_VALUES | typeof SHEET_NARRATIVES;
  /** the row of that sheet it came from */
  row: number;
  /** the sheet's version now, and as the file says it was exported (null: the file does not say) */
  version: number;
  fileVersion: number | null;
  /** the sheet changed since the export (or the file cannot say and the sheet exists): needs an explicit choice */
  stale: boolean;
};
export type ValueChange = ChangeBase & { kind: "value"; seriesId: string; seriesLabel: string; unit: string | null; before: StoredCell | null; after: StoredCell };
export type NarrativeChange = ChangeBase & { kind: "narrative"; field: NarrativeField; before: string | null; after: string | null };
export type ImportChange = ValueChange | NarrativeChange;

export type ParsedImport = { issues: ImportIssue[]; changes: ImportChange[]; notImported: NotImported[] };

/** The key a stale row's choice is given under: 「指標!12」. */
export const rowKey = (c: { sheet: string; row: number }) => `${c.sheet}!${c.row}`;

/** Did the row's sheet change since the export? A file without a version is stale wherever a sheet exists. */
export function isStale(current: number, fileVersion: number | null): boolean {
  return fileVersion === null ? current > 0 : fileVersion !== current;
}

/** A 版 cell: a whole number, or null. */
export function readVersion(value: CellValue): number | null {
  const s = cellString(value);
  return /^\d+$/.test(s) ? Number(s) : null;
}

/** 「シート『指標』の12行目、列『R5実績値（2023）』：…」 */
export function formatIssue(i: ImportIssue): string {
  if (!i.sheet) return i.message;
  const where = `シート『${i.sheet}』${i.row !== null ? `の${i.row}行目` : ""}${i.column ? `${i.row !== null ? "、" : "の"}列『${i.column}』` : ""}`;
  return `${where}：${i.message}`;
}

/** The bytes of an .xlsx file as a workbook, or why not: not an .xlsx, an archive that would expand too far
 *  (checked before exceljs parses anything, lib/excel/archive-check.ts), or a file whose parsing would take too
 *  long or too much memory (parsed in a bounded worker, lib/excel/load-bounded.ts). Every workbook upload reads
 *  through here. */
export async function openWorkbook(bytes: Uint8Array): Promise<{ ok: true; workbook: Workbook } | { ok: false; reason: "not_zip" | "too_large"; message: string }> {
  const archive = inspectXlsxArchive(bytes);
  if (!archive.ok) return archive;
  // other programs name the notes' parts differently from Excel (openpyxl): canonical names first, see xlsx-package.ts
  const loaded = await loadWorkbookBounded(canonicalizeXlsxPackage(bytes));
  if (loaded.ok) return { ok: true, workbook: loaded.workbook };
  if (loaded.reason === "not_xlsx") return { ok: false, reason: "not_zip", message: "Excel ファイル（.xlsx）として読み込めませんでした。" };
  return {
    ok: false,
    reason: "too_large",
    message: `このファイルは読み込みに${loaded.reason === "too_slow" ? "時間がかかりすぎる" : "必要なメモリが大きすぎる"}ため読み込めません。シートの余分な行や列、書式、画像を削除してから、もう一度アップロードしてください。`,
  };
}

/** The workbook, or null when the bytes are not a readable .xlsx. */
export async function readWorkbook(bytes: Uint8Array): Promise<Workbook | null> {
  const opened = await openWorkbook(bytes);
  return opened.ok ? opened.workbook : null;
}

export const norm = (s: string) => s.normalize("NFKC").trim();

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
export function headerColumns(ws: Worksheet): Map<string, { col: number; header: string }[]> {
  const columns = new Map<string, { col: number; header: string }[]>();
  ws.getRow(1).eachCell((cell, col) => {
    const header = cellString(cell.value);
    const h = norm(header);
    if (h) columns.set(h, [...(columns.get(h) ?? []), { col, header }]);
  });
  return columns;
}

/** The 説明 sheet's labelled rows (NFKC), or an empty map without one. */
function aboutRows(wb: Workbook): Map<string, string> {
  const labelled = new Map<string, string>();
  wb.getWorksheet(SHEET_ABOUT)?.eachRow((row) => labelled.set(norm(cellString(row.getCell(1).value)), norm(cellString(row.getCell(2).value))));
  return labelled;
}

function checkAboutSheet(about: Map<string, string>, ctx: ImportContext, issues: ImportIssue[]) {
  const code = about.get(ABOUT_ORGANIZATION_CODE);
  const slug = about.get(ABOUT_PLAN_SLUG);
  if ((code && code !== ctx.organizationCode) || (slug && slug !== ctx.planSlug)) {
    issues.push({ sheet: SHEET_ABOUT, row: null, column: null, message: `別の計画（団体コード ${code ?? "－"}、計画コード ${slug ?? "－"}）のファイルです。「${ctx.planName}」から書き出したファイルを使ってください` });
  }
}

/** Every row of the 指標 and 記述 sheets checked against the plan; the changes only count when there is no issue. */
export function parseImport(wb: Workbook, ctx: ImportContext, actor: Actor): ParsedImport {
  const issues: ImportIssue[] = [];
  const changes: ImportChange[] = [];
  const notImported: NotImported[] = [];
  const yearLabel = fiscalYearWithWestern(ctx.evaluationYear);
  if (!ctx.evaluationYearOpen) {
    issues.push({ sheet: null, row: null, column: null, message: `${yearLabel}の評価は受付中ではありません。企画担当が受付を始めてから取り込んでください。` });
  }
  const about = aboutRows(wb);
  checkAboutSheet(about, ctx, issues);
  const ws = wb.getWorksheet(SHEET_VALUES);
  if (!ws) {
    issues.push({ sheet: null, row: null, column: null, message: `シート『${SHEET_VALUES}』がありません。このサイトから書き出した Excel ファイルを使ってください。` });
    return { issues, changes, notImported };
  }
  // the 指標 sheet's 版 is the version of one evaluation year's sheets: of no use for another year
  const versionYear = westernYearOf(about.get(ABOUT_VERSION_YEAR) ?? "");
  const rights = new RowRights(ctx, actor, issues);
  parseValuesSheet(ws, ctx, rights, versionYear === ctx.evaluationYear, { issues, changes, notImported });
  const narratives = wb.getWorksheet(SHEET_NARRATIVES);
  if (narratives) parseNarrativesSheet(narratives, ctx, rights, { issues, changes, notImported });
  return { issues, changes: issues.length ? [] : changes, notImported: issues.length ? [] : notImported };
}

/** The checks every changed row passes: the actor's right to the measure, and a sheet not awaiting approval. */
export class RowRights {
  constructor(
    private ctx: ImportContext,
    private actor: Actor,
    private issues: ImportIssue[],
  ) {}
  mayEdit(measure: ImportMeasure): boolean {
    return can(this.actor, "import.values", { organizationId: this.ctx.organizationId, ownerUnitIds: measure.ownerUnitIds });
  }
  allows(measure: ImportMeasure, sheet: string, row: number, column: string, what: "値" | "記述"): boolean {
    const at = (message: string) => this.issues.push({ sheet, row, column, message });
    if (!this.mayEdit(measure)) {
      at(`No ${measure.number}「${measure.name}」は担当外の指標のため、${what}を変更できません`);
      return false;
    }
    if (measure.entryState === "submitted") {
      at(`No ${measure.number} の${fiscalYearWithWestern(this.ctx.evaluationYear)}のシートは提出済みのため、企画担当が差し戻すまで変更できません`);
      return false;
    }
    return true;
  }
}

type Out = ParsedImport;

function parseValuesSheet(ws: Worksheet, ctx: ImportContext, rights: RowRights, versionsApply: boolean, out: Out) {
  const { issues, changes, notImported } = out;
  const yearLabel = fiscalYearWithWestern(ctx.evaluationYear);
  const headers = headerColumns(ws);
  const one = (h: string) => headers.get(norm(h))?.[0]?.col ?? null;
  const cols = { keyNo: one(KEY_NUMBER), keyLabel: one(KEY_SERIES), no: one("No"), label: one("区分"), version: one(VERSION_HEADER) };
  const yearCols = [...headers.entries()].filter(([h]) => yearOfHeader(h) === ctx.evaluationYear).flatMap(([, cs]) => cs.map(({ col, header }) => ({ h: header, c: col })));
  const expected = yearHeader(ctx.evaluationYear);
  const keyed = (cols.keyNo !== null || cols.no !== null) && (cols.keyLabel !== null || cols.label !== null);
  if (!keyed) issues.push({ sheet: SHEET_VALUES, row: 1, column: null, message: `見出しの列「No」と「区分」が必要です` });
  if (yearCols.length === 0) issues.push({ sheet: SHEET_VALUES, row: 1, column: expected, message: `${yearLabel}の実績値の列がありません` });
  if (yearCols.length > 1) issues.push({ sheet: SHEET_VALUES, row: 1, column: yearCols[1].h, message: `${yearLabel}の実績値の列が複数あります` });
  if (ws.rowCount > MAX_IMPORT_ROWS) issues.push({ sheet: SHEET_VALUES, row: null, column: null, message: `行が多すぎます（${MAX_IMPORT_ROWS.toLocaleString("ja-JP")}行まで）` });
  if (!keyed || yearCols.length !== 1 || ws.rowCount > MAX_IMPORT_ROWS) return;
  const { h: yearColumnName, c: yearCol } = yearCols[0];
  const text = (row: Row, col: number | null) => (col === null ? "" : norm(cellString(row.getCell(col).value)));
  // every other column the export writes, compared with the plan as it is now
  const compared = [...headers.entries()].flatMap(([h, cs]) => cs.filter((c) => c.col !== yearCol).map((c) => ({ ...c, h })));

  const byKey = new Map<string, { measure: ImportMeasure; series: ImportSeries }>();
  const byNumber = new Map<string, ImportMeasure>();
  for (const m of ctx.measures) {
    byNumber.set(norm(m.number), m);
    for (const s of m.series) byKey.set(seriesKey(m.number, s.label), { measure: m, series: s });
  }
  const reference = new Map((ctx.reference?.measures ?? []).flatMap((m) => m.series.map((s) => [seriesKey(m.number, s.label), { m, s }] as const)));
  const seen = new Map<string, number>();

  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    // rows are matched by the key columns; a row pasted in without them, by its visible No and 区分
    const keyNo = text(row, cols.keyNo);
    const keyLabel = text(row, cols.keyLabel);
    const shownNo = text(row, cols.no);
    const shownLabel = text(row, cols.label);
    if ((keyNo && shownNo && keyNo !== shownNo) || (keyLabel && shownLabel && keyLabel !== shownLabel)) {
      const column = keyNo && shownNo && keyNo !== shownNo ? "No" : "区分";
      issues.push({ sheet: SHEET_VALUES, row: r, column, message: `照合用の列（${KEY_NUMBER}・${KEY_SERIES}）と一致しません。No と区分は書き換えないでください` });
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

    const ref = reference.get(key);
    if (ref) {
      for (const c of compared) {
        const want = expectedValueCell(c.h, ref.m, ref.s);
        const diff = want && compareCell(row.getCell(c.col), want, { sheet: SHEET_VALUES, row: r, column: c.header, number: measure.number, measureName: measure.name }, sameCell);
        if (diff) notImported.push(diff);
      }
    }

    const { series } = found;
    if (cell.kind === "empty") continue; // blank: no change (the import adds and changes values, it never removes one)
    if (cell.kind === "invalid") {
      issues.push({ sheet: SHEET_VALUES, row: r, column: yearColumnName, message: cell.message });
      continue;
    }
    // the printed text as exported (「平均△7.7」) or as it is now: unchanged, even where typed input would not read it
    if (cell.kind === "text" && [series.published, series.current].some((c) => c?.text?.trim() === cell.text)) continue;
    const read = readValueInput(cell.kind === "number" ? cell.value : cell.text, series.unit);
    if (!read.ok) {
      issues.push({ sheet: SHEET_VALUES, row: r, column: yearColumnName, message: read.message });
      continue;
    }
    const after: StoredCell = { value: read.value, text: read.text };
    // the value as exported (the published one) is no edit, whatever the draft holds now; nor is the current one
    if (sameCell(series.published, after) || sameCell(series.current, after)) continue;
    const fileVersion = versionsApply && cols.version !== null ? readVersion(row.getCell(cols.version).value) : null;
    // another department's sheet approved (or saved) since the export: the old value in the file is no edit of
    // this user's, so it is listed, not refused (a row they may not change and that did not move is refused)
    if (!rights.mayEdit(measure) && isStale(measure.version, fileVersion)) {
      notImported.push({ sheet: SHEET_VALUES, cell: row.getCell(yearCol).address, row: r, column: yearColumnName, number: measure.number, measureName: measure.name, file: after, current: series.current });
      continue;
    }
    if (!rights.allows(measure, SHEET_VALUES, r, yearColumnName, "値")) continue;
    changes.push({
      kind: "value",
      measureId: measure.id,
      number: measure.number,
      measureName: measure.name,
      sheet: SHEET_VALUES,
      row: r,
      version: measure.version,
      fileVersion,
      stale: isStale(measure.version, fileVersion),
      seriesId: series.id,
      seriesLabel: series.label,
      unit: series.unit,
      before: series.current,
      after,
    });
  }
}
