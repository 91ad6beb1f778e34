// The export workbook from plain data (no database): 指標 (a row per measure × value series), 記述 (a row
// per measure × evaluation year, published narratives) and 説明 (what the file is, how to re-import it).
// Every sheet prints on A4 landscape, fitted to the page width, with its header row repeated on each page;
// no column is hidden (the keys and 版 the import reads are in view, at the end).
import ExcelJS from "exceljs";
import type { Workbook, Worksheet } from "exceljs";
import { fiscalYearWithWestern } from "../fiscal-year";
import { toExcelCell, type StoredCell } from "./cells";
import {
  ABOUT_EXPORTED_AT,
  ABOUT_FORMAT,
  ABOUT_VERSION_YEAR,
  CLEAR_MARK,
  ABOUT_ORGANIZATION_CODE,
  ABOUT_PLAN_SLUG,
  EXCEL_FORMAT,
  EXCEL_FORMAT_VERSION,
  KEY_NUMBER,
  KEY_SERIES,
  NARRATIVE_HEADERS,
  SHEET_ABOUT,
  SHEET_NARRATIVES,
  SHEET_VALUES,
  VALUE_HEADERS_AFTER,
  VALUE_HEADERS_BEFORE,
  VERSION_HEADER,
  yearHeader,
} from "./layout";

export type ExportCell = StoredCell & { note?: string | null };

export type ExportSeries = {
  label: string;
  unit: string | null;
  baselineYear: string | null;
  baseline: ExportCell | null;
  /** fiscal year → the published actual */
  actuals: Map<number, ExportCell>;
  target: ExportCell | null;
  targetYear: string | null;
};

export type ExportMeasure = {
  number: string;
  name: string;
  departments: string;
  divisions: string;
  statusLabel: string;
  /** late statistics (the year judged, a later figure pending) and an official rating that differs, with its reason */
  statusNote: string | null;
  /** the version of the measure's sheet for `versionYear` (0: none yet); null when the reader may not see versions */
  version: number | null;
  series: ExportSeries[];
  narratives: { evaluationYear: number; effortStatus: string | null; issues: string | null; direction: string | null; version: number | null }[];
};

export type ExportData = {
  organization: { code: string; name: string; license: string };
  plan: { slug: string; name: string; startYear: number; endYear: number };
  department: { id: string; name: string } | null;
  /** the year the 進捗状況 column is judged for (the overview's default) */
  statusYear: number;
  /** the evaluation year the 指標 sheet's 版 column refers to (the open one, else statusYear) */
  versionYear: number;
  /** the fiscal-year columns, ascending */
  years: number[];
  measures: ExportMeasure[];
  generatedAt: Date;
};

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8E8EE" } } as const;

function styleHeader(ws: Worksheet) {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.eachCell((c) => (c.fill = HEADER_FILL));
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: 1 }];
}

/** A4 (paper size 9), fitted to the page width (as many pages down as needed), header row on every page. */
function printOnA4(ws: Worksheet, orientation: "landscape" | "portrait", repeatHeader = true) {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...(repeatHeader ? { printTitlesRow: "1:1" } : {}),
  };
  ws.headerFooter = { oddFooter: "&C&A　&P / &N ページ" };
}

const versionNote = (data: ExportData, year: number) =>
  data.measures.some((m) => m.version !== null)
    ? `書き出したとき（${exportedAt(data)}）の${fiscalYearWithWestern(year)}のシートの版（保存のたびに増える番号。0 はシートがまだないこと）。取り込むとき、書き出した後にシートが更新された行を知らせます。書き換えないでください。`
    : "サインインせずに書き出したため、版は空欄です。取り込む場合は、サインインしてから書き出したファイルを使うと、書き出した後に更新された行だけを知らせます。";

const exportedAt = (data: ExportData) => data.generatedAt.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" });

function writeValue(ws: Worksheet, row: number, col: number, cell: ExportCell | null) {
  const excel = toExcelCell(cell);
  if (!excel) return;
  const target = ws.getCell(row, col);
  if (excel.kind === "number") {
    target.value = excel.number;
    target.numFmt = excel.numFmt;
  } else {
    target.value = excel.text;
    target.alignment = { horizontal: "right" };
  }
  if (cell?.note) target.note = cell.note;
}

function valuesSheet(wb: Workbook, data: ExportData) {
  const ws = wb.addWorksheet(SHEET_VALUES);
  const headers = [...VALUE_HEADERS_BEFORE, ...data.years.map(yearHeader), ...VALUE_HEADERS_AFTER, VERSION_HEADER, KEY_NUMBER, KEY_SERIES];
  ws.addRow(headers);
  const col = (h: string) => headers.indexOf(h) + 1;
  const widths: Record<string, number> = { No: 7, 指標名: 40, 担当部局: 16, 担当課: 22, 区分: 14, 単位: 10, 基準値年度: 12, 基準値: 12, 目標値: 12, 目標年度: 12, 進捗状況: 10, 判定の注記: 30, [VERSION_HEADER]: 6, [KEY_NUMBER]: 9, [KEY_SERIES]: 12 };
  headers.forEach((h, i) => (ws.getColumn(i + 1).width = widths[h] ?? 14));
  ws.getCell(1, col("進捗状況")).note = `${fiscalYearWithWestern(data.statusYear)}までの実績値で判定した進捗状況`;
  ws.getCell(1, col(VERSION_HEADER)).note = versionNote(data, data.versionYear);
  for (const key of [KEY_NUMBER, KEY_SERIES]) ws.getCell(1, col(key)).note = "取り込みで行を照合するための列です。書き換えないでください。";
  let r = 2;
  for (const m of data.measures) {
    for (const s of m.series) {
      const row = ws.getRow(r);
      row.getCell(col("No")).value = m.number;
      row.getCell(col("指標名")).value = m.name;
      row.getCell(col("担当部局")).value = m.departments;
      row.getCell(col("担当課")).value = m.divisions;
      row.getCell(col("区分")).value = s.label;
      row.getCell(col("単位")).value = s.unit ?? "";
      row.getCell(col("基準値年度")).value = s.baselineYear ?? "";
      writeValue(ws, r, col("基準値"), s.baseline);
      for (const y of data.years) writeValue(ws, r, col(yearHeader(y)), s.actuals.get(y) ?? null);
      writeValue(ws, r, col("目標値"), s.target);
      row.getCell(col("目標年度")).value = s.targetYear ?? "";
      row.getCell(col("進捗状況")).value = m.statusLabel;
      if (m.statusNote) row.getCell(col("判定の注記")).value = m.statusNote;
      if (m.version !== null) row.getCell(col(VERSION_HEADER)).value = m.version;
      row.getCell(col(KEY_NUMBER)).value = m.number;
      row.getCell(col(KEY_SERIES)).value = s.label;
      row.getCell(col("指標名")).alignment = { wrapText: true, vertical: "top" };
      r++;
    }
  }
  styleHeader(ws);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: col("判定の注記") } };
  printOnA4(ws, "landscape");
}

function narrativesSheet(wb: Workbook, data: ExportData) {
  const ws = wb.addWorksheet(SHEET_NARRATIVES);
  ws.addRow([...NARRATIVE_HEADERS]);
  [7, 30, 14, 18, 18, 50, 50, 50, 6].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell(1, NARRATIVE_HEADERS.indexOf(VERSION_HEADER) + 1).note = data.measures.some((m) => m.version !== null)
    ? `書き出したとき（${exportedAt(data)}）のその年度のシートの版。書き換えないでください。`
    : versionNote(data, data.versionYear);
  for (const m of data.measures) {
    for (const n of m.narratives) {
      const row = ws.addRow([m.number, m.name, m.departments, m.divisions, fiscalYearWithWestern(n.evaluationYear), n.effortStatus ?? "", n.issues ?? "", n.direction ?? "", n.version ?? ""]);
      row.alignment = { wrapText: true, vertical: "top" };
    }
  }
  styleHeader(ws);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: NARRATIVE_HEADERS.length } };
  printOnA4(ws, "landscape");
}

function aboutSheet(wb: Workbook, data: ExportData) {
  const ws = wb.addWorksheet(SHEET_ABOUT);
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 90;
  const rows: [string, string][] = [
    ["団体", data.organization.name],
    [ABOUT_ORGANIZATION_CODE, data.organization.code],
    ["計画", data.plan.name],
    [ABOUT_PLAN_SLUG, data.plan.slug],
    ["計画期間", `${fiscalYearWithWestern(data.plan.startYear)}〜${fiscalYearWithWestern(data.plan.endYear)}`],
    ["部局", data.department?.name ?? "すべて"],
    ["進捗状況の評価年度", fiscalYearWithWestern(data.statusYear)],
    [ABOUT_EXPORTED_AT, exportedAt(data)],
    [ABOUT_VERSION_YEAR, fiscalYearWithWestern(data.versionYear)],
    ["内容", "公開済みの値と記述だけを含みます（下書き・提出中の内容は含みません）。"],
    ["数値と文字", "数値は数値のセル（表示形式で印字どおりに表示）、「集計中」「－」などは文字のセルです。"],
    ["取り込み", "受付中の評価年度の実績値（「指標」シートの例：R5実績値（2023）の列）と記述（「記述」シートのその評価年度の行の取組状況・課題等・今後の方向性）を書き換えて、計画のページの「Excel から実績値・記述を取り込む」で取り込めます。取り込んだ内容は担当課のシートの下書きになります。"],
    ["空欄と削除", `空欄は「変更なし」です（取り込みで値や記述を消すことはありません）。記述を消すときは、そのセルに「${CLEAR_MARK}」とだけ入力してください。`],
    ["取り込まれない変更", "ほかの年度の実績値・基準値・目標値・指標名などの変更は取り込みません。取り込みの確認画面に「取り込まれない変更」としてシート・セル・指標を一覧します。"],
    [VERSION_HEADER, `各行の「版」は、書き出したとき（${exportedAt(data)}）のシートの版です（「指標」シートは${fiscalYearWithWestern(data.versionYear)}のシート、「記述」シートはその行の年度のシート）。書き出した後にシートが更新された行は、取り込みの確認画面で「書き出し後に更新されています」と示し、行ごとに「現在の内容を残す」か「ファイルの内容にする」かを選ぶまで取り込みません。`],
    ["取り込みの照合", `行は列「${KEY_NUMBER}」「${KEY_SERIES}」（「記述」シートは No と評価年度）で照合します。列の順番は変えてもかまいませんが、見出しは変えないでください。`],
    ["印刷", "各シートは A4 横・幅を 1 ページに合わせて印刷し、見出しの行を各ページに繰り返します。"],
    ["ライセンス", data.organization.license],
    [ABOUT_FORMAT, `${EXCEL_FORMAT} v${EXCEL_FORMAT_VERSION}`],
  ];
  for (const [k, v] of rows) ws.addRow([k, v]).alignment = { wrapText: true, vertical: "top" };
  ws.getColumn(1).font = { bold: true };
  printOnA4(ws, "portrait", false);
}

export function buildPlanWorkbook(data: ExportData): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KPI ダッシュボード";
  wb.created = data.generatedAt;
  wb.title = data.plan.name;
  valuesSheet(wb, data);
  narrativesSheet(wb, data);
  aboutSheet(wb, data);
  return wb;
}

/** 「熊本県_第2期 熊本県まち…総合戦略_商工労働部.xlsx」 without characters file systems refuse. */
export function workbookFileName(data: Pick<ExportData, "organization" | "plan" | "department">): string {
  const parts = [data.organization.name, data.plan.name, data.department?.name].filter(Boolean) as string[];
  return `${parts.join("_").replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_")}.xlsx`;
}
