// Reading the plan workbook: the 説明 sheet's codes must name this plan; the 指標 sheet's columns are found by
// header text; rows are grouped by No into KPI definitions (a row per series) and each definition is checked
// with the definition schema. Every problem is reported with its sheet, row and column, and the definitions
// only count when there is none. Pure apart from exceljs reading the bytes.
import type { CellValue, Workbook, Worksheet } from "exceljs";
import { measureDefinitionSchema, readCell, type MeasureDefinition, type MeasureDefinitionInput } from "../setup/measure-schema";
import { readCellValue, readText, readYear, typedCellValue } from "./cells";
import {
  ABOUT_ORGANIZATION_CODE,
  ABOUT_PLAN_SLUG,
  AGGREGATION_WORDS,
  COUNTS_WITHIN_PERIOD_WORDS,
  DIRECTION_WORDS,
  H,
  KIND_WORDS,
  MAX_ROWS,
  SHEET_ABOUT,
  SHEET_MEASURES,
  STATUS_WORDS,
  TARGET_KIND_WORDS,
  ownerOfHeader,
  yearOfTargetHeader,
  type FieldKey,
} from "./layout";

// one workbook reader and one way of naming a problem's place, shared with the yearly actuals import
export { formatIssue, readWorkbook as loadWorkbook, type ImportIssue as Issue } from "../excel/import";
import type { ImportIssue as Issue } from "../excel/import";

export type ReadContext = { organizationCode: string; planSlug: string; planName: string };

/** One KPI as read: its definition, where each part came from, its 状態 and 変更理由. */
export type ReadKpi = {
  /** the No as normalised for matching (NFKC, trimmed) */
  key: string;
  definition: MeasureDefinition;
  retired: boolean;
  reason: string | null;
  /** where the KPI's fields were read, for messages */
  at: KpiLocation;
  /** false when the file has no 計画期間内の累計 column (a workbook downloaded before it existed): the stored
   *  setting of each series is kept (lib/plan-workbook/check.ts) */
  readsCountsWithinPeriod: boolean;
};
export type KpiLocation = {
  firstRow: number;
  seriesRows: number[];
  /** per series, the header of each yearly target, in the definition's order */
  yearlyHeaders: string[][];
  /** the header as written in the file for each known column */
  written: Map<string, string>;
};

export type ReadResult = { issues: Issue[]; kpis: ReadKpi[]; /** the yearly-target columns the file has */ years: number[] };

export const norm = (s: string) => s.normalize("NFKC").trim();
const lookup = <K extends string>(words: Record<K, string>, typed: string): K | null => {
  const t = norm(typed);
  for (const [k, w] of Object.entries(words) as [K, string][]) if (norm(w) === t || norm(w).split("(")[0] === t || k === t) return k;
  return null;
};
const wordList = (words: Record<string, string>) => Object.values(words).map((w) => `「${w}」`).join("");

/** Which KPI-level fields a row carries (repeated on each series row, or blank after the first). */
const KPI_FIELDS: FieldKey[] = ["name", "kind", "section", "footnote", "notes", "status", "reason"];
const SERIES_FIELDS: FieldKey[] = ["label", "unit", "baselineYear", "baselineValue", "baselineText", "targetKind", "targetDirection", "targetYear", "targetValue", "targetText", "periodStart", "periodEnd", "aggregation", "countsWithinPeriod"];

function checkAbout(wb: Workbook, ctx: ReadContext, issues: Issue[]): boolean {
  const about = wb.getWorksheet(SHEET_ABOUT);
  const labelled = new Map<string, string>();
  about?.eachRow((row) => {
    const k = readText(row.getCell(1).value);
    const v = readText(row.getCell(2).value);
    if (k.ok && k.text && v.ok && !labelled.has(norm(k.text))) labelled.set(norm(k.text), norm(v.text ?? ""));
  });
  const code = labelled.get(ABOUT_ORGANIZATION_CODE);
  const slug = labelled.get(ABOUT_PLAN_SLUG);
  if (!code || !slug) {
    issues.push({ sheet: SHEET_ABOUT, row: null, column: null, message: `「${ABOUT_ORGANIZATION_CODE}」と「${ABOUT_PLAN_SLUG}」がありません。この計画の設定ページからダウンロードしたファイルを使ってください` });
    return false;
  }
  if (code !== ctx.organizationCode || slug !== ctx.planSlug) {
    issues.push({ sheet: SHEET_ABOUT, row: null, column: null, message: `別の計画のファイルです（団体コード ${code}、計画コード ${slug}）。「${ctx.planName}」（団体コード ${ctx.organizationCode}、計画コード ${ctx.planSlug}）の設定ページからダウンロードしたファイルを使ってください` });
    return false;
  }
  return true;
}

/** Columns added after workbooks were first handed out: a file without one keeps what is stored. */
const OPTIONAL_COLUMNS = new Set<FieldKey>(["countsWithinPeriod"]);

type Columns = { field: Map<FieldKey, number>; owners: Map<string, number>; ownerCount: number; years: { year: number; col: number; header: string }[]; written: Map<string, string> };

function findColumns(ws: Worksheet, issues: Issue[]): Columns | null {
  const byHeader = new Map<string, { col: number; header: string }>();
  const cols: Columns = { field: new Map(), owners: new Map(), ownerCount: 0, years: [], written: new Map() };
  ws.getRow(1).eachCell((cell, col) => {
    const t = readText(cell.value);
    if (!t.ok || !t.text) return;
    const h = norm(t.text);
    if (byHeader.has(h)) {
      issues.push({ sheet: SHEET_MEASURES, row: 1, column: t.text, message: `同じ見出しの列が2つあります（${byHeader.get(h)!.col}列目と${col}列目）` });
      return;
    }
    byHeader.set(h, { col, header: t.text });
  });
  for (const [key, header] of Object.entries(H) as [FieldKey, string][]) {
    const found = byHeader.get(norm(header));
    if (found) {
      cols.field.set(key, found.col);
      cols.written.set(header, found.header);
    } else if (!OPTIONAL_COLUMNS.has(key)) issues.push({ sheet: SHEET_MEASURES, row: 1, column: header, message: `見出し「${header}」の列がありません（列を消したり見出しを変えたりしないでください）` });
  }
  for (const [h, { col, header }] of byHeader) {
    const owner = ownerOfHeader(h);
    if (owner) {
      cols.owners.set(`${owner.index}.${owner.part}`, col);
      cols.ownerCount = Math.max(cols.ownerCount, owner.index + 1);
      cols.written.set(`${owner.part === "department" ? "担当部局" : "担当課"}${owner.index + 1}`, header);
    }
    const year = yearOfTargetHeader(h);
    if (year !== null) {
      if (cols.years.some((y) => y.year === year)) issues.push({ sheet: SHEET_MEASURES, row: 1, column: header, message: `${year}年度の目標値の列が2つあります` });
      else cols.years.push({ year, col, header });
    }
  }
  cols.years.sort((a, b) => a.year - b.year);
  return issues.length ? null : cols;
}

type RowRead = { row: number; key: string; text: Map<FieldKey, string | null>; raw: Map<FieldKey, CellValue>; owners: { department: string | null; division: string | null }[]; years: { year: number; header: string; value: CellValue }[] };

function readRows(ws: Worksheet, cols: Columns, issues: Issue[]): RowRead[] {
  const out: RowRead[] = [];
  const textField = (row: number, key: FieldKey, value: CellValue) => {
    const t = readText(value);
    if (!t.ok) {
      issues.push({ sheet: SHEET_MEASURES, row, column: cols.written.get(H[key]) ?? H[key], message: t.message });
      return null;
    }
    return t.text;
  };
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const raw = new Map<FieldKey, CellValue>();
    for (const [k, c] of cols.field) raw.set(k, typedCellValue(row.getCell(c)));
    const owners = Array.from({ length: cols.ownerCount }, (_, i) => {
      const d = cols.owners.get(`${i}.department`);
      const v = cols.owners.get(`${i}.division`);
      const read = (c: number | undefined, header: string) => {
        if (!c) return null;
        const t = readText(row.getCell(c).value);
        if (!t.ok) issues.push({ sheet: SHEET_MEASURES, row: r, column: header, message: t.message });
        return t.ok ? t.text : null;
      };
      return { department: read(d, `担当部局${i + 1}`), division: read(v, `担当課${i + 1}`) };
    });
    const years = cols.years.map((y) => ({ year: y.year, header: y.header, value: typedCellValue(row.getCell(y.col)) }));
    const blank = [...raw.values(), ...years.map((y) => y.value)].every((v) => readCellValue(v).kind === "empty") && owners.every((o) => !o.department && !o.division);
    if (blank) continue;
    const text = new Map<FieldKey, string | null>();
    for (const k of [...KPI_FIELDS, "number", "label", "unit", "baselineText", "targetText", "targetKind", "targetDirection", "aggregation", "countsWithinPeriod"] as FieldKey[]) text.set(k, textField(r, k, raw.get(k) ?? null));
    const number = text.get("number");
    if (!number) {
      issues.push({ sheet: SHEET_MEASURES, row: r, column: cols.written.get(H.number) ?? H.number, message: "No を入力してください（どの指標の行か分かりません）" });
      continue;
    }
    out.push({ row: r, key: norm(number), text, raw, owners, years });
  }
  return out;
}

/** A value column (基準値, 目標値): a number cell as its decimal, a text cell as typed (the schema reads 「1,027」「集計中」). */
function valueInput(rr: RowRead, key: FieldKey, cols: Columns, issues: Issue[]): string | null {
  const r = readCellValue(rr.raw.get(key) ?? null);
  if (r.kind === "invalid") {
    issues.push({ sheet: SHEET_MEASURES, row: rr.row, column: cols.written.get(H[key]) ?? H[key], message: r.message });
    return null;
  }
  return r.kind === "empty" ? null : r.kind === "number" ? r.value : r.text;
}

function yearInput(rr: RowRead, key: FieldKey, cols: Columns, issues: Issue[]): number | string | null {
  const r = readYear(rr.raw.get(key) ?? null);
  if (!r.ok) {
    issues.push({ sheet: SHEET_MEASURES, row: rr.row, column: cols.written.get(H[key]) ?? H[key], message: r.message });
    return null;
  }
  return r.year;
}

function enumInput<K extends string>(rr: RowRead, key: FieldKey, words: Record<K, string>, cols: Columns, issues: Issue[]): K | null | undefined {
  const t = rr.text.get(key);
  if (!t) return null;
  const k = lookup(words, t);
  if (k === null) issues.push({ sheet: SHEET_MEASURES, row: rr.row, column: cols.written.get(H[key]) ?? H[key], message: `「${t}」は選べません。${wordList(words)}のいずれかを選んでください` });
  return k ?? undefined;
}

function seriesOf(rr: RowRead, cols: Columns, issues: Issue[]) {
  const has = SERIES_FIELDS.some((k) => readCellValue(rr.raw.get(k) ?? null).kind !== "empty") || rr.years.some((y) => readCellValue(y.value).kind !== "empty");
  if (!has) return null;
  const targetFields: FieldKey[] = ["targetKind", "targetDirection", "targetYear", "targetValue", "targetText", "periodStart", "periodEnd"];
  const hasTarget = targetFields.some((k) => readCellValue(rr.raw.get(k) ?? null).kind !== "empty");
  const kind = enumInput(rr, "targetKind", TARGET_KIND_WORDS, cols, issues);
  if (hasTarget && kind === null) issues.push({ sheet: SHEET_MEASURES, row: rr.row, column: cols.written.get(H.targetKind) ?? H.targetKind, message: "目標値などを入力したときは、目標の種類を選んでください" });
  const baseline = { year: yearInput(rr, "baselineYear", cols, issues), value: valueInput(rr, "baselineValue", cols, issues), text: rr.text.get("baselineText") ?? null };
  const yearly: { header: string; input: { year: number; value: string | null; text: string | null } }[] = [];
  for (const y of rr.years) {
    const r = readCellValue(y.value);
    if (r.kind === "empty") continue;
    if (r.kind === "invalid") issues.push({ sheet: SHEET_MEASURES, row: rr.row, column: y.header, message: r.message });
    else if (r.kind === "number" || readCell(r.text, rr.text.get("unit") ?? null).ok) yearly.push({ header: y.header, input: { year: y.year, value: r.kind === "number" ? r.value : r.text, text: null } });
    // a printed text that is no number (「前年比減」「完了」) is kept as the yearly target's text
    else yearly.push({ header: y.header, input: { year: y.year, value: null, text: r.text } });
  }
  return {
    input: {
      label: rr.text.get("label") ?? "",
      unit: rr.text.get("unit") ?? null,
      baseline: baseline.year === null && baseline.value === null && baseline.text === null ? null : baseline,
      target: kind
        ? {
            kind,
            direction: enumInput(rr, "targetDirection", DIRECTION_WORDS, cols, issues) ?? null,
            year: yearInput(rr, "targetYear", cols, issues),
            value: valueInput(rr, "targetValue", cols, issues),
            text: rr.text.get("targetText") ?? null,
            periodStart: yearInput(rr, "periodStart", cols, issues),
            periodEnd: yearInput(rr, "periodEnd", cols, issues),
          }
        : null,
      aggregation: enumInput(rr, "aggregation", AGGREGATION_WORDS, cols, issues) ?? null,
      countsWithinPeriod: enumInput(rr, "countsWithinPeriod", COUNTS_WITHIN_PERIOD_WORDS, cols, issues) === "yes",
      yearlyTargets: yearly.map((y) => y.input),
    },
    yearlyHeaders: yearly.map((y) => y.header),
  };
}

/** A zod path (or a lib field-error key) → the row and the column of the file it came from. */
export function locate(at: KpiLocation, path: readonly (string | number)[]): { row: number; column: string | null } {
  const w = (h: string) => at.written.get(h) ?? h;
  const [head, i, field, sub] = path;
  if (head === "owners" && typeof i === "number") return { row: at.firstRow, column: w(`${field === "division" ? "担当課" : "担当部局"}${i + 1}`) };
  if (head === "series") {
    if (typeof i !== "number") return { row: at.firstRow, column: w(H.label) };
    const row = at.seriesRows[i] ?? at.firstRow;
    const map: Record<string, string> = {
      label: H.label, unit: H.unit, aggregation: H.aggregation, countsWithinPeriod: H.countsWithinPeriod,
      "baseline.year": H.baselineYear, "baseline.value": H.baselineValue, "baseline.text": H.baselineText, baseline: H.baselineValue,
      "target.kind": H.targetKind, "target.direction": H.targetDirection, "target.year": H.targetYear, "target.value": H.targetValue,
      "target.text": H.targetText, "target.periodStart": H.periodStart, "target.periodEnd": H.periodEnd, target: H.targetKind,
    };
    if (field === "yearlyTargets" && typeof sub === "number") return { row, column: at.yearlyHeaders[i]?.[sub] ?? null };
    const key = sub !== undefined ? `${String(field)}.${String(sub)}` : String(field ?? "label");
    return { row, column: map[key] ? w(map[key]) : null };
  }
  const top: Record<string, string> = { number: H.number, name: H.name, kind: H.kind, section: H.section, footnote: H.footnote, notes: H.notes, reason: H.reason };
  return { row: at.firstRow, column: typeof head === "string" && top[head] ? w(top[head]) : null };
}

/** Reads and checks the whole workbook against the schema (the plan's own rules are checked by check.ts). */
export function readDefinitionWorkbook(wb: Workbook, ctx: ReadContext): ReadResult {
  const issues: Issue[] = [];
  if (!checkAbout(wb, ctx, issues)) return { issues, kpis: [], years: [] };
  const ws = wb.getWorksheet(SHEET_MEASURES);
  if (!ws) return { issues: [{ sheet: null, row: null, column: null, message: `シート『${SHEET_MEASURES}』がありません。この計画の設定ページからダウンロードしたファイルを使ってください。` }], kpis: [], years: [] };
  if (ws.rowCount - 1 > MAX_ROWS) return { issues: [{ sheet: SHEET_MEASURES, row: null, column: null, message: `行が多すぎます（${(ws.rowCount - 1).toLocaleString("ja-JP")}行）。1回に${MAX_ROWS.toLocaleString("ja-JP")}行までです` }], kpis: [], years: [] };
  const cols = findColumns(ws, issues);
  if (!cols) return { issues, kpis: [], years: [] };
  const rows = readRows(ws, cols, issues);

  const groups = new Map<string, RowRead[]>();
  for (const rr of rows) groups.set(rr.key, [...(groups.get(rr.key) ?? []), rr]);
  const kpis: ReadKpi[] = [];
  for (const [key, group] of groups) {
    const first = group[0];
    const at: KpiLocation = { firstRow: first.row, seriesRows: [], yearlyHeaders: [], written: cols.written };
    // later rows: each KPI-level field blank or the same as on the first row
    for (const rr of group.slice(1)) {
      for (const k of KPI_FIELDS) {
        const v = rr.text.get(k);
        if (v && v !== first.text.get(k) && !(k === "section" && sectionKey(v) === sectionKey(first.text.get(k) ?? ""))) {
          issues.push({ sheet: SHEET_MEASURES, row: rr.row, column: cols.written.get(H[k]) ?? H[k], message: `No「${key}」の最初の行（${first.row}行目）と内容が違います。指標の項目は各行同じにするか、2行目以降を空欄にしてください` });
        }
      }
      rr.owners.forEach((o, i) => {
        const f = first.owners[i];
        if ((o.department && o.department !== f?.department) || (o.division && o.division !== f?.division)) {
          issues.push({ sheet: SHEET_MEASURES, row: rr.row, column: cols.written.get(`${o.department && o.department !== f?.department ? "担当部局" : "担当課"}${i + 1}`) ?? null, message: `No「${key}」の最初の行（${first.row}行目）と担当が違います。担当は各行同じにするか、2行目以降を空欄にしてください` });
        }
      });
    }
    const labels = new Map<string, number>();
    const series: NonNullable<MeasureDefinitionInput["series"]> = [];
    for (const rr of group) {
      const s = seriesOf(rr, cols, issues);
      if (!s) continue;
      const label = norm(s.input.label);
      if (label && labels.has(label)) {
        issues.push({ sheet: SHEET_MEASURES, row: rr.row, column: cols.written.get(H.label) ?? H.label, message: `No「${key}」の系列「${s.input.label}」が重複しています（${labels.get(label)}行目と同じ）` });
        continue;
      }
      if (label) labels.set(label, rr.row);
      series.push(s.input);
      at.seriesRows.push(rr.row);
      at.yearlyHeaders.push(s.yearlyHeaders);
    }
    const owners = first.owners.filter((o) => o.department || o.division).map((o) => ({ department: o.department ?? "", division: o.division }));
    first.owners.forEach((o, i) => {
      if (o.division && !o.department) issues.push({ sheet: SHEET_MEASURES, row: first.row, column: cols.written.get(`担当部局${i + 1}`) ?? null, message: `担当課「${o.division}」の部局を入力してください` });
    });
    const status = enumInput(first, "status", STATUS_WORDS, cols, issues);
    const kind = enumInput(first, "kind", KIND_WORDS, cols, issues);
    const input: MeasureDefinitionInput = {
      number: first.text.get("number") ?? "",
      name: first.text.get("name") ?? "",
      kind: kind ?? undefined,
      section: first.text.get("section") ? sectionKey(first.text.get("section")!) : null,
      footnote: first.text.get("footnote") ?? null,
      notes: (first.text.get("notes") ?? "").split("\n").map((n) => n.trim()).filter(Boolean),
      owners: owners.filter((o) => o.department),
      series,
    };
    const reason = first.text.get("reason") ?? null;
    if (reason && reason.length > 500) issues.push({ sheet: SHEET_MEASURES, row: first.row, column: cols.written.get(H.reason) ?? H.reason, message: "500文字以内で入力してください" });
    const parsed = measureDefinitionSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = locate(at, issue.path as (string | number)[]);
        issues.push({ sheet: SHEET_MEASURES, row: where.row, column: where.column, message: issue.message });
      }
      continue;
    }
    kpis.push({ key, definition: parsed.data, retired: status === "retired", reason, at, readsCountsWithinPeriod: cols.field.has("countsWithinPeriod") });
  }
  return { issues: dedupe(issues), kpis, years: cols.years.map((y) => y.year) };
}

/** 「1-1：こども…」 → 「1-1」 (the key before the first 「：」 or space). */
export function sectionKey(cell: string): string {
  return norm(cell).split(/[:：\s]/)[0];
}

/** One message per cell, in row order. */
function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  const out = issues.filter((i) => {
    const k = `${i.sheet}|${i.row}|${i.column}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
