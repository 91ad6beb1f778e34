// Shared helpers of the progress rules: exact decimal arithmetic, Japanese number and year formatting,
// and the status vocabulary. Everything is decimal strings in and out — no float ever touches a KPI value.
import Decimal from "decimal.js";
import { fiscalYearLabel } from "../fiscal-year";
import type { CellInput, SeriesStatus, StatusCode } from "./types";

/** A private Decimal with headroom, so the one rounding that matters is the final ROUND_HALF_UP to 0.1 %. */
export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const STATUS_LABELS: Record<StatusCode, string> = {
  achieved: "達成",
  on_track: "概ね順調",
  behind: "遅れ",
  worse: "悪化",
  not_achieved: "未達成",
  good: "○",
  fair: "△",
  poor: "×",
  s: "S",
  a: "A",
  b: "B",
  c: "C",
  excellent: "◎",
  on_course: "順調",
  slightly_behind: "やや遅れ",
  not_judgeable: "判定不能",
};

/**
 * Least favourable first (for sorting and for a measure's overall status).
 * 悪化 (fell below the baseline) and × (actual unknown / not carried out) are the worst of each rule;
 * 遅れ and △ are progress short of 80 %; 未達成 (relative/milestone targets not met) says less about how
 * far off the KPI is, so it sits after them. 判定不能 sits between the problems and the good news: it is
 * not a failure, but it must not hide among the good ones either. 概ね順調 < 達成; ○ is Kama's best.
 * The other rules' marks sit beside their like (C with 悪化, B with 遅れ, やや遅れ with △, A and 順調 with 概ね順調,
 * S with 達成, ◎ above ○); a plan uses one rule, so only the order within each rule's scale matters.
 */
export const STATUS_ORDER: readonly StatusCode[] = [
  "worse",
  "c",
  "poor",
  "behind",
  "b",
  "fair",
  "slightly_behind",
  "not_achieved",
  "not_judgeable",
  "on_track",
  "a",
  "on_course",
  "achieved",
  "s",
  "good",
  "excellent",
];

/** 令和5年度 / 令和元年度 / 平成30年度 (R1 = 2019; earlier years are 平成). */
export function yearLabel(year: number): string {
  return fiscalYearLabel(year);
}

/** 「8709」→「8,709」, 「34.26」→「34.26」, 「-5.1」→「−5.1」: separators added, decimals kept as given. */
export function formatNumber(value: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(value.trim());
  if (!m) return value;
  const int = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const negative = m[1] === "-" && !/^0(\.0+)?$/.test(m[2] + (m[3] ?? ""));
  return `${negative ? "−" : ""}${int}${m[3] ?? ""}`;
}

/** A formula operand: negative numbers in parentheses so 「1 − (−2)」 reads unambiguously. */
export function operand(value: string): string {
  const f = formatNumber(value);
  return f.startsWith("−") ? `(${f})` : f;
}

/** ratio → percent with one decimal, ROUND_HALF_UP, as a decimal string ("87.1"; never "-0.0"). */
export function percentString(ratio: Dec): string {
  const s = ratio.times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
  return s === "-0.0" ? "0.0" : s;
}

/** The percent as shown in an explanation: 「87.1%」「1,166.7%」. */
export function percentLabel(rate: string): string {
  return `${formatNumber(rate)}%`;
}

/** Number of decimals a decimal string is written with ("100.0" → 1). */
export function decimals(value: string): number {
  const i = value.indexOf(".");
  return i < 0 ? 0 : value.length - i - 1;
}

/** Exact sum, written with as many decimals as the most precise addend (16.87 + 16.90 = 33.77, 1.50 + 2.50 = 4.00). */
export function sumStrings(values: string[]): string {
  const dp = Math.max(0, ...values.map(decimals));
  return values.reduce((acc, v) => acc.plus(v), new Dec(0)).toFixed(dp);
}

/** The printed text of a cell (for messages): the text, else the number, else 「空欄」. */
export function cellText(cell: CellInput): string {
  return cell.text ?? cell.value ?? "空欄";
}

/** Cells of years up to the evaluation year, oldest first. */
export function cellsUpTo(actuals: CellInput[], evaluationYear: number): CellInput[] {
  return actuals.filter((c) => c.year <= evaluationYear).sort((a, b) => a.year - b.year);
}

/** 「令和5年度は「集計中」」 for each later, text-only cell that was passed over. */
export function skippedNotes(cells: CellInput[]): string[] {
  return cells.map((c) => `${yearLabel(c.year)}は「${cellText(c)}」`);
}

/** A note when rounding to 0.1 % makes the shown rate look like it is on the other side of a threshold. */
export function thresholdNote(ratio: Dec, rate: string, thresholdPercent: number): string {
  const exact = ratio.times(100);
  const shown = new Dec(rate);
  if (exact.lt(thresholdPercent) && shown.gte(thresholdPercent)) return `（丸め前は${thresholdPercent}%未満）`;
  if (exact.gt(thresholdPercent) && shown.lte(thresholdPercent)) return `（丸め前は${thresholdPercent}%超）`;
  return "";
}

export function result(
  label: string,
  status: StatusCode,
  explanation: string,
  extra: Partial<Omit<SeriesStatus, "label" | "status" | "statusLabel" | "explanation">> = {},
): SeriesStatus {
  return {
    label,
    status,
    statusLabel: STATUS_LABELS[status],
    rate: null,
    evaluatedYear: null,
    explanation,
    ...extra,
  };
}
