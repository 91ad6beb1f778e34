// The plan workbook from plain data (no database): 指標 (one row per KPI series, a column per field of the
// definition), 説明 (every column explained, and the plan's codes the upload is checked against), 区分 (the
// plan's sections) and リスト (the drop-down lists' values). A plan without KPIs gives the empty template.
import ExcelJS from "exceljs";
import type { DataValidation, Workbook, Worksheet } from "exceljs";
import { fiscalYearWithWestern } from "../fiscal-year";
import type { CanonicalMeasure } from "../setup/definition";
import { printedColumnText, valueColumnCell, yearlyTargetCell } from "./cells";
import type { ExcelCell } from "../excel/cells";
import { columnHelp } from "./help";
import {
  ABOUT_FORMAT,
  ABOUT_ORGANIZATION_CODE,
  ABOUT_PLAN_SLUG,
  AGGREGATION_WORDS,
  COUNTS_WITHIN_PERIOD_WORDS,
  COMMON_UNITS,
  DIRECTION_WORDS,
  H,
  KIND_WORDS,
  MAX_ROWS,
  MIN_OWNER_COLUMNS,
  SHEET_ABOUT,
  SHEET_LISTS,
  SHEET_MEASURES,
  SHEET_SECTIONS,
  STATUS_WORDS,
  TARGET_KIND_WORDS,
  WORKBOOK_FORMAT,
  WORKBOOK_FORMAT_VERSION,
  measureHeaders,
  ownerDepartmentHeader,
  ownerDivisionHeader,
  sectionCell,
  yearlyTargetHeader,
} from "./layout";

export type WorkbookSection = { key: string; label: string | null; title: string; parentKey: string | null };
export type WorkbookData = {
  organization: { code: string; name: string };
  plan: { slug: string; name: string; startYear: number; endYear: number; statusLabel: string };
  sections: WorkbookSection[];
  /** the organisation's units still in use: each 部 with its 課 */
  departments: { name: string; divisions: string[] }[];
  measures: { retired: boolean; definition: CanonicalMeasure }[];
  generatedAt: Date;
};

/** Fiscal-year columns of yearly targets: the plan's years, and any year a KPI already has outside them. */
export function targetYears(data: Pick<WorkbookData, "plan" | "measures">): number[] {
  const years = new Set<number>();
  for (let y = data.plan.startYear; y <= data.plan.endYear; y++) years.add(y);
  for (const m of data.measures) for (const s of m.definition.series) for (const t of s.yearlyTargets) years.add(t.year);
  return [...years].sort((a, b) => a - b);
}

export function ownerColumnCount(data: Pick<WorkbookData, "measures">): number {
  return Math.max(MIN_OWNER_COLUMNS, ...data.measures.map((m) => m.definition.owners.length));
}

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8E8EE" } } as const;
const A4_LANDSCAPE = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } } as const;

function put(ws: Worksheet, row: number, col: number, cell: ExcelCell | string | number | null) {
  if (cell === null || cell === undefined || cell === "") return;
  const target = ws.getCell(row, col);
  if (typeof cell === "string" || typeof cell === "number") {
    target.value = cell;
    return;
  }
  if (cell.kind === "number") {
    target.value = cell.number;
    target.numFmt = cell.numFmt;
  } else {
    target.value = cell.text;
    target.numFmt = "@";
  }
}

function header(ws: Worksheet, headers: string[], xSplit = 0) {
  const row = ws.getRow(1);
  headers.forEach((h, i) => (row.getCell(i + 1).value = h));
  row.font = { bold: true };
  row.alignment = { vertical: "middle", wrapText: true };
  row.eachCell((c) => (c.fill = HEADER_FILL));
  ws.views = [{ state: "frozen", xSplit, ySplit: 1 }];
  ws.pageSetup = { ...A4_LANDSCAPE, printTitlesRow: "1:1" };
}

type Lists = Record<"kind" | "targetKind" | "direction" | "aggregation" | "countsWithinPeriod" | "status" | "department" | "division" | "unit" | "section", string>;

function listsSheet(ws: Worksheet, data: WorkbookData): Lists {
  const units = [...new Set([...COMMON_UNITS, ...data.measures.flatMap((m) => m.definition.series.map((s) => s.unit).filter((u): u is string => Boolean(u)))])];
  const columns: [keyof Lists, string, string[]][] = [
    ["kind", H.kind, Object.values(KIND_WORDS)],
    ["targetKind", H.targetKind, Object.values(TARGET_KIND_WORDS)],
    ["direction", H.targetDirection, Object.values(DIRECTION_WORDS)],
    ["aggregation", H.aggregation, Object.values(AGGREGATION_WORDS)],
    ["countsWithinPeriod", H.countsWithinPeriod, Object.values(COUNTS_WITHIN_PERIOD_WORDS)],
    ["status", H.status, Object.values(STATUS_WORDS)],
    ["department", "担当部局", data.departments.map((d) => d.name)],
    ["division", "担当課", [...new Set(data.departments.flatMap((d) => d.divisions))]],
    ["unit", H.unit, units],
    ["section", H.section, data.sections.map(sectionCell)],
  ];
  header(ws, columns.map(([, h]) => h));
  const refs = {} as Lists;
  columns.forEach(([key, , values], i) => {
    const col = i + 1;
    ws.getColumn(col).width = key === "section" ? 50 : key === "direction" ? 24 : 16;
    values.forEach((v, j) => (ws.getCell(j + 2, col).value = v));
    const letter = ws.getColumn(col).letter;
    refs[key] = `'${SHEET_LISTS}'!$${letter}$2:$${letter}$${Math.max(2, values.length + 1)}`;
  });
  return refs;
}

function sectionsSheet(ws: Worksheet, data: WorkbookData) {
  header(ws, ["キー", "番号", "名称", "上位の区分", "「区分」列に書く値"]);
  [10, 12, 50, 12, 56].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const s of data.sections) ws.addRow([s.key, s.label ?? "", s.title, s.parentKey ?? "", sectionCell(s)]);
}

function measuresSheet(ws: Worksheet, data: WorkbookData, lists: Lists) {
  const years = targetYears(data);
  const owners = ownerColumnCount(data);
  const headers = measureHeaders(owners, years);
  const col = (h: string) => headers.indexOf(h) + 1;
  header(ws, headers, 2);
  const widths: Record<string, number> = { [H.number]: 8, [H.name]: 40, [H.kind]: 10, [H.section]: 28, [H.footnote]: 24, [H.notes]: 24, [H.label]: 14, [H.targetDirection]: 20, [H.reason]: 30 };
  headers.forEach((h, i) => (ws.getColumn(i + 1).width = widths[h] ?? (h.startsWith("担当") ? 16 : 12)));
  const sections = new Map(data.sections.map((s) => [s.key, s]));

  let r = 2;
  for (const { retired, definition: m } of data.measures) {
    const rows = m.series.length ? m.series : [null];
    for (const s of rows) {
      // the KPI's own fields on every row of its series: a sorted or filtered sheet keeps them together
      put(ws, r, col(H.number), m.number);
      put(ws, r, col(H.name), m.name);
      put(ws, r, col(H.kind), KIND_WORDS[m.kind]);
      const section = m.section ? sections.get(m.section) : null;
      put(ws, r, col(H.section), m.section ? (section ? sectionCell(section) : m.section) : null);
      put(ws, r, col(H.footnote), m.footnote);
      put(ws, r, col(H.notes), m.notes.join("\n"));
      m.owners.forEach((o, i) => {
        put(ws, r, col(ownerDepartmentHeader(i)), o.department);
        put(ws, r, col(ownerDivisionHeader(i)), o.division);
      });
      put(ws, r, col(H.status), retired ? STATUS_WORDS.retired : STATUS_WORDS.active);
      if (s) {
        put(ws, r, col(H.label), s.label);
        put(ws, r, col(H.unit), s.unit);
        if (s.baseline) {
          put(ws, r, col(H.baselineYear), s.baseline.year);
          put(ws, r, col(H.baselineValue), valueColumnCell(s.baseline));
          put(ws, r, col(H.baselineText), printedColumnText(s.baseline, s.unit));
        }
        if (s.target) {
          put(ws, r, col(H.targetKind), TARGET_KIND_WORDS[s.target.kind]);
          put(ws, r, col(H.targetDirection), s.target.direction ? DIRECTION_WORDS[s.target.direction] : null);
          put(ws, r, col(H.targetYear), s.target.year);
          put(ws, r, col(H.targetValue), valueColumnCell(s.target));
          put(ws, r, col(H.targetText), printedColumnText(s.target, s.unit));
          put(ws, r, col(H.periodStart), s.target.periodStart);
          put(ws, r, col(H.periodEnd), s.target.periodEnd);
        }
        put(ws, r, col(H.aggregation), s.aggregation ? AGGREGATION_WORDS[s.aggregation] : null);
        put(ws, r, col(H.countsWithinPeriod), s.countsWithinPeriod ? COUNTS_WITHIN_PERIOD_WORDS.yes : null);
        for (const y of s.yearlyTargets) put(ws, r, col(yearlyTargetHeader(y.year)), yearlyTargetCell(y));
      }
      r++;
    }
  }
  for (const h of [H.name, H.footnote, H.notes, H.reason]) ws.getColumn(col(h)).alignment = { wrapText: true, vertical: "top" };
  for (const h of [H.number, H.label, H.unit, H.baselineText, H.targetText, H.name, H.footnote, H.notes, H.reason]) ws.getColumn(col(h)).numFmt = "@";
  ws.getRow(1).alignment = { vertical: "middle", wrapText: true };

  // drop-downs over the filled rows and room to add more
  const last = Math.min(MAX_ROWS + 1, Math.max(r + 300, 1000));
  const range = (h: string) => `${ws.getColumn(col(h)).letter}2:${ws.getColumn(col(h)).letter}${last}`;
  const list = (ref: string, strict: boolean, what: string): DataValidation => ({
    type: "list",
    allowBlank: true,
    formulae: [ref],
    showErrorMessage: true,
    errorStyle: strict ? "stop" : "warning",
    errorTitle: what,
    error: strict ? `一覧から選んでください（シート「${SHEET_LISTS}」）` : `一覧にない値です。このまま入力する場合は「はい」を選んでください（シート「${SHEET_LISTS}」）`,
  });
  // exceljs has range validations but does not type them
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }).dataValidations;
  validations.add(range(H.kind), list(lists.kind, true, H.kind));
  validations.add(range(H.targetKind), list(lists.targetKind, true, H.targetKind));
  validations.add(range(H.targetDirection), list(lists.direction, true, H.targetDirection));
  validations.add(range(H.aggregation), list(lists.aggregation, true, H.aggregation));
  validations.add(range(H.countsWithinPeriod), list(lists.countsWithinPeriod, true, H.countsWithinPeriod));
  validations.add(range(H.status), list(lists.status, true, H.status));
  validations.add(range(H.section), list(lists.section, false, H.section));
  validations.add(range(H.unit), { ...list(lists.unit, false, H.unit), errorStyle: "information", showErrorMessage: false });
  for (let i = 0; i < owners; i++) {
    validations.add(range(ownerDepartmentHeader(i)), list(lists.department, false, ownerDepartmentHeader(i)));
    validations.add(range(ownerDivisionHeader(i)), list(lists.division, false, ownerDivisionHeader(i)));
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return { headers, years, owners };
}

function aboutSheet(ws: Worksheet, data: WorkbookData, layout: { headers: string[]; years: number[]; owners: number }) {
  ws.getColumn(1).width = 20;
  ws.getColumn(2).width = 60;
  ws.getColumn(3).width = 10;
  ws.getColumn(4).width = 44;
  ws.getColumn(5).width = 28;
  const meta: [string, string][] = [
    ["団体", data.organization.name],
    [ABOUT_ORGANIZATION_CODE, data.organization.code],
    ["計画", data.plan.name],
    [ABOUT_PLAN_SLUG, data.plan.slug],
    ["計画期間", `${fiscalYearWithWestern(data.plan.startYear)}〜${fiscalYearWithWestern(data.plan.endYear)}`],
    ["計画の状態", data.plan.statusLabel],
    ["書き出し日時", data.generatedAt.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" })],
    [ABOUT_FORMAT, `${WORKBOOK_FORMAT} v${WORKBOOK_FORMAT_VERSION}`],
  ];
  for (const [k, v] of meta) ws.addRow([k, v]);
  ws.addRow([]);
  const rules = [
    "このファイルは計画の指標（KPI）の設定用です。「指標」シートを編集して、計画の設定ページ（計画の設定用 Excel）からアップロードします。",
    "アップロードすると、まずファイル全体を確認します。問題が1つでもあれば何も変更せず、シート・行・列を示します。問題がなければ、新しく作る指標・変更する指標（項目ごとに変更前→変更後）・廃止／再開する指標を一覧で示し、「この内容で反映する」を押すと1回の処理でまとめて反映します（途中で失敗した場合はすべて元に戻ります）。",
    "「指標」シートは、指標の系列（単年・累計など）ごとに1行です。系列が2つある指標は2行になります。系列のない指標は、系列の列を空欄にした1行です。",
    "No・指標名・種別・区分・注・備考・担当部局／担当課・状態・変更理由は指標の項目です。同じ No の各行に同じ内容を書きます（書き出したファイルはすべての行に書いてあります）。2行目以降は空欄でもかまいません。空欄でない場合は、その No の最初の行と同じ内容にしてください（違うとエラーになります）。",
    "行は No で指標に、No と「系列（区分）」で系列に対応づけます。No を書き換えると別の指標として扱われます。ファイルにない指標は変更しません（削除もしません）。指標をやめるときは「状態」を「廃止」にします。",
    "系列の行を消すと、その系列を削除します（実績値がある系列は削除できません）。",
    "書き出したファイルをそのままアップロードすると「変更はありません」と表示され、何も変わりません。",
    "列の順番は変えてもかまいません。見出しの文字は変えないでください。年度は西暦の整数で入力します（例：2024 = 令和6年度）。「R6」「令和6年度」と入力しても読み取ります。",
    "数値は数値のセル、または「1,027」「▲12」のような文字でも入力できます。「集計中」「－」などの文字は数値になりません。小数点以下は6桁までです。",
    "運用中の計画で既存の系列の基準値・目標値・年度別目標値を変えるときは、その指標の「変更理由」が必要です（監査記録に残ります）。",
    `1回のアップロードは${MAX_ROWS.toLocaleString("ja-JP")}行までです。`,
  ];
  for (const t of rules) ws.addRow(["ルール", t]);
  ws.addRow([]);
  const headRow = ws.addRow(["列", "内容", "必須", "入力できる値", "例"]);
  headRow.font = { bold: true };
  headRow.eachCell((c) => (c.fill = HEADER_FILL));
  for (const h of layout.headers) {
    const help = columnHelp(h, { years: layout.years, plan: data.plan });
    ws.addRow([h, help.what, help.required, help.values, help.example]);
  }
  ws.eachRow((row) => (row.alignment = { wrapText: true, vertical: "top" }));
  ws.getColumn(1).font = { bold: true };
  ws.pageSetup = { ...A4_LANDSCAPE };
}

export function buildDefinitionWorkbook(data: WorkbookData): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KPI ダッシュボード";
  wb.created = data.generatedAt;
  wb.title = `${data.plan.name}（計画の設定）`;
  // tabs in this order; the drop-downs of 指標 refer to リスト's ranges, known before it is written
  const measures = wb.addWorksheet(SHEET_MEASURES);
  const about = wb.addWorksheet(SHEET_ABOUT);
  const sections = wb.addWorksheet(SHEET_SECTIONS);
  const lists = wb.addWorksheet(SHEET_LISTS);
  const refs = listsSheet(lists, data);
  const layout = measuresSheet(measures, data, refs);
  aboutSheet(about, data, layout);
  sectionsSheet(sections, data);
  return wb;
}

/** 「熊本県_くまもと新時代共創総合戦略_計画の設定.xlsx」 without characters file systems refuse. */
export function definitionWorkbookFileName(data: Pick<WorkbookData, "organization" | "plan">): string {
  return `${[data.organization.name, data.plan.name, "計画の設定"].join("_").replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_")}.xlsx`;
}
