// The plan workbook's layout (計画の設定用 Excel), shared by the builder and the reader: sheet names, the 指標
// sheet's columns (one per field of the definition schema, lib/setup/measure-schema.ts), the words of the
// drop-down lists. Columns are found by their header text when reading, so people may reorder them.
import { shortEraYear } from "../fiscal-year";
import { AGGREGATION_LABELS, DIRECTION_LABELS, TARGET_KIND_LABELS } from "../setup/measure-schema";

export const WORKBOOK_FORMAT = "kpi-dashboard/plan-workbook";
export const WORKBOOK_FORMAT_VERSION = 1;

export const SHEET_MEASURES = "指標";
export const SHEET_ABOUT = "説明";
export const SHEET_SECTIONS = "区分";
export const SHEET_LISTS = "リスト";

/** Rows of the 指標 sheet a workbook may hold (the header excluded). */
export const MAX_ROWS = 5000;
/** Owner columns written at least (more when a KPI of the plan has more owners). */
export const MIN_OWNER_COLUMNS = 3;

/** 説明 sheet: the labelled rows read back to check the upload belongs to this plan. */
export const ABOUT_ORGANIZATION_CODE = "団体コード";
export const ABOUT_PLAN_SLUG = "計画コード";
export const ABOUT_FORMAT = "形式";

/** KPI-level fields: repeated on every series row of the KPI (or left blank on its later rows). */
export const H = {
  number: "No",
  name: "指標名",
  kind: "種別",
  section: "区分",
  footnote: "注",
  notes: "備考",
  label: "系列（区分）",
  unit: "単位",
  baselineYear: "基準値年度",
  baselineValue: "基準値",
  baselineText: "基準値の印字",
  targetKind: "目標の種類",
  targetDirection: "目標の方向",
  targetYear: "目標年度",
  targetValue: "目標値",
  targetText: "目標値の印字",
  periodStart: "期間開始年度",
  periodEnd: "期間終了年度",
  aggregation: "集計方法",
  countsWithinPeriod: "計画期間内の累計",
  status: "状態",
  reason: "変更理由",
} as const;
export type FieldKey = keyof typeof H;

export const ownerDepartmentHeader = (i: number) => `担当部局${i + 1}`;
export const ownerDivisionHeader = (i: number) => `担当課${i + 1}`;

/** 「R6目標値（2024）」: a yearly target (年度別目標値) column. */
export function yearlyTargetHeader(year: number): string {
  return `${shortEraYear(year)}目標値（${year}）`;
}
/** The fiscal year of a 「R6目標値（2024）」 header (the Western year in brackets decides). */
export function yearOfTargetHeader(header: string): number | null {
  const m = /目標値[（(]\s*(\d{4})\s*[）)]\s*$/.exec(header.normalize("NFKC").trim());
  return m ? Number(m[1]) : null;
}
/** 「担当部局2」 → { index: 1, part: "department" } */
export function ownerOfHeader(header: string): { index: number; part: "department" | "division" } | null {
  const m = /^担当(部局|課)\s*(\d{1,2})$/.exec(header.normalize("NFKC").trim());
  if (!m || Number(m[2]) < 1) return null;
  return { index: Number(m[2]) - 1, part: m[1] === "部局" ? "department" : "division" };
}

/** Every column of the 指標 sheet in the builder's order. */
export function measureHeaders(ownerColumns: number, years: number[]): string[] {
  const owners = Array.from({ length: ownerColumns }, (_, i) => [ownerDepartmentHeader(i), ownerDivisionHeader(i)]).flat();
  return [
    H.number, H.name, H.kind, H.section, H.footnote, H.notes, ...owners,
    H.label, H.unit, H.baselineYear, H.baselineValue, H.baselineText,
    H.targetKind, H.targetDirection, H.targetYear, H.targetValue, H.targetText, H.periodStart, H.periodEnd,
    H.aggregation, H.countsWithinPeriod, ...years.map(yearlyTargetHeader), H.status, H.reason,
  ];
}

export const KIND_WORDS = { kpi: "KPI", goal: "基本目標" } as const;
export const STATUS_WORDS = { active: "運用", retired: "廃止" } as const;
export const TARGET_KIND_WORDS = TARGET_KIND_LABELS;
export const DIRECTION_WORDS = DIRECTION_LABELS;
export const AGGREGATION_WORDS = AGGREGATION_LABELS;
/** 計画期間内の累計: 「はい」, or blank for a series that counts as usual */
export const COUNTS_WITHIN_PERIOD_WORDS = { yes: "はい" } as const;

/** Common units offered in the 単位 drop-down, before the plan's own. */
export const COMMON_UNITS = ["件", "人", "%", "社", "箇所", "回", "団体", "市町村", "千円", "億円", "円", "世帯", "ha", "校", "事業", "人/年", "件/年"] as const;

/** A section as the 区分 column shows it: 「1-1：こども・若者が…」 (only the key before 「：」 is read). */
export const sectionCell = (s: { key: string; title: string }) => `${s.key}：${s.title}`;
