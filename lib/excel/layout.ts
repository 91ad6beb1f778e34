// The workbook layout shared by the export and the import: sheet names, column headers, the hidden keys.
// Columns are found by their header text on import, so people may reorder, hide or add columns freely.
import { shortEraYear } from "../fiscal-year";

export const EXCEL_FORMAT = "kpi-dashboard/excel";
export const EXCEL_FORMAT_VERSION = 1;

export const SHEET_VALUES = "指標";
export const SHEET_NARRATIVES = "記述";
export const SHEET_ABOUT = "説明";

/** 指標 sheet: the columns before the fiscal-year columns */
export const VALUE_HEADERS_BEFORE = ["No", "指標名", "担当部局", "担当課", "区分", "単位", "基準値年度", "基準値"] as const;
/** 指標 sheet: the columns after the fiscal-year columns (then the hidden keys) */
export const VALUE_HEADERS_AFTER = ["目標値", "目標年度", "進捗状況"] as const;
/** hidden key columns: the measure's No and the series label as exported, what the import matches rows by */
export const KEY_NUMBER = "キー（No）";
export const KEY_SERIES = "キー（区分）";

export const NARRATIVE_HEADERS = ["No", "指標名", "担当部局", "担当課", "評価年度", "取組状況", "課題等", "今後の方向性"] as const;

/** The 説明 sheet's labelled rows the import reads back to check it is given the same plan. */
export const ABOUT_ORGANIZATION_CODE = "団体コード";
export const ABOUT_PLAN_SLUG = "計画コード";
export const ABOUT_FORMAT = "形式";

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
