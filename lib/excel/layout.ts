// The workbook layout shared by the export and the import: sheet names, column headers, the hidden keys.
// Columns are found by their header text on import, so people may reorder or add columns freely. No column is
// hidden: what the import matches rows by (the keys) and the version each row was exported at (版) are in view.
import { shortEraYear } from "../fiscal-year";

export const EXCEL_FORMAT = "kpi-dashboard/excel";
/** 2: the 版 column on both sheets, visible keys, a 記述 row per KPI for the year versions refer to */
export const EXCEL_FORMAT_VERSION = 2;

export const SHEET_VALUES = "指標";
export const SHEET_NARRATIVES = "記述";
export const SHEET_ABOUT = "説明";

/** 指標 sheet: the columns before the fiscal-year columns */
export const VALUE_HEADERS_BEFORE = ["No", "指標名", "担当部局", "担当課", "区分", "単位", "基準値年度", "基準値"] as const;
/** 指標 sheet: the columns after the fiscal-year columns (then the hidden keys) */
export const VALUE_HEADERS_AFTER = ["目標値", "目標年度", "進捗状況", "判定の注記"] as const;
/** the version of the row's sheet (SheetEntry.version, 0 when there is none yet) when it was exported: a row
 *  whose sheet has changed since is flagged on import and needs an explicit choice */
export const VERSION_HEADER = "版";
/** key columns (visible, at the end): the measure's No and the series label as exported, what the import matches rows by */
export const KEY_NUMBER = "キー（No）";
export const KEY_SERIES = "キー（区分）";

export const NARRATIVE_FIELDS = [
  { header: "取組状況", field: "effortStatus" },
  { header: "課題等", field: "issues" },
  { header: "今後の方向性", field: "direction" },
] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number]["field"];
export const NARRATIVE_HEADERS = ["No", "指標名", "担当部局", "担当課", "評価年度", ...NARRATIVE_FIELDS.map((f) => f.header), VERSION_HEADER] as const;
/** A narrative cell holding exactly this (NFKC, so 「(削除)」 too) empties the text; a blank cell changes nothing. */
export const CLEAR_MARK = "（削除）";

/** The 説明 sheet's labelled rows the import reads back to check it is given the same plan. */
export const ABOUT_ORGANIZATION_CODE = "団体コード";
export const ABOUT_PLAN_SLUG = "計画コード";
export const ABOUT_FORMAT = "形式";
/** the evaluation year the 版 column of the 指標 sheet refers to, as 「令和5年度（2023）」 */
export const ABOUT_VERSION_YEAR = "版の評価年度";
export const ABOUT_EXPORTED_AT = "書き出し日時";

/** The Western year in 「令和5年度（2023）」 or 「2023」. */
export function westernYearOf(text: string): number | null {
  const m = /(\d{4})\s*[）)]?\s*$/.exec(text.normalize("NFKC").trim());
  return m ? Number(m[1]) : null;
}

/** 「R5実績値（2023）」 */
export function yearHeader(year: number): string {
  return `${shortEraYear(year)}実績値（${year}）`;
}

/** The fiscal year of a 「R5実績値（2023）」 header (the Western year in the brackets decides). */
export function yearOfHeader(header: string): number | null {
  const m = /実績値[（(]\s*(\d{4})\s*[）)]\s*$/.exec(header.trim());
  return m ? Number(m[1]) : null;
}

/** The row key a series is matched by: a measure's No and the series label are unique within a plan. */
export function seriesKey(number: string, label: string): string {
  return `${number.normalize("NFKC").trim()}\u0000${label.normalize("NFKC").trim()}`;
}
