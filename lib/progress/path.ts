// The expected path to the target: for an evaluation year before the target year, the value a KPI should have
// reached by then — the plan's yearly target for that year where it sets one, otherwise a straight line from the
// baseline (year) to the target (year), or, for a series that counts within the plan period, from zero at the
// period's start. The expected-progress rule (多摩市方式) expects a fixed share of the way each year instead.
import { Dec, decimals, formatNumber, operand, yearLabel } from "./explain";
import type { RuleSettings } from "./settings";
import type { RuleContext, SeriesInput } from "./types";

export type ExpectedValue = {
  year: number;
  /** rounded to two more decimals than the baseline and target are written with; the rate is computed from it */
  value: string;
  /** the starting point the progress is measured from (the baseline, or 0 for a period total) */
  from: string;
  /** counted from zero at the period's start (a period total), not from a baseline */
  within: boolean;
  /** how the value was reached, in words and numbers a reader can recompute */
  how: string;
};

/** Whether the series' actuals count within the plan period (a running total or a sum of yearly flows). */
export function countsWithinPeriod(series: SeriesInput): boolean {
  const t = series.target;
  return Boolean(series.countsWithinPeriod) || (t?.kind === "period_total" && (series.comparison?.aggregation ?? "sum") === "sum");
}

/** The first year a within-period count starts from: the target's period, else the plan's. */
export function periodStart(series: SeriesInput, ctx: RuleContext): number | null {
  return series.target?.periodStart ?? ctx.planStart ?? null;
}

export function expectedValue(series: SeriesInput, year: number, settings: RuleSettings, ctx: RuleContext): ExpectedValue | null {
  const target = series.target;
  if (!target || target.value === null || target.year === null || year >= target.year) return null;
  const within = countsWithinPeriod(series);
  const yearly = series.yearlyTargets?.find((c) => c.year === year && c.value !== null);
  const from = within ? "0" : (series.baseline?.value ?? null);
  if (from === null) return null;
  if (yearly?.value) return { year, value: yearly.value, from, within, how: `${yearLabel(year)}の目標値（年度別の目標）` };

  let start: number;
  let steps: number;
  let total: number;
  if (within) {
    const s = periodStart(series, ctx);
    if (s === null || year < s) return null;
    start = s - 1;
  } else {
    const by = series.baseline?.year ?? null;
    if (by === null || year <= by) return null;
    start = by;
  }
  steps = year - start;
  total = target.year - start;
  if (total <= 0 || steps <= 0) return null;

  const t = new Dec(target.value);
  const b = new Dec(from);
  const dp = Math.max(decimals(target.value), decimals(from)) + 2;
  let share: Dec;
  let shareText: string;
  if (settings.rule === "expected") {
    share = Dec.min(1, new Dec(settings.yearlyShare).div(100).times(steps));
    shareText = `${settings.yearlyShare}% × ${steps}年度${share.eq(1) ? "（100%まで）" : ""}`;
  } else {
    share = new Dec(steps).div(total);
    shareText = `${steps}/${total}`;
  }
  const exact = b.plus(t.minus(b).times(share));
  const value = exact.toDecimalPlaces(dp).toString();
  const line = within
    ? `${formatNumber(target.value)} × ${shareText}（期間内の累計・${yearLabel(start + 1)}から）`
    : `${operand(from)} + (${operand(target.value)} − ${operand(from)}) × ${shareText}（${yearLabel(start)}の基準値から${yearLabel(target.year)}の目標値へ）`;
  const rounded = exact.eq(value) ? "" : "・小数第" + dp + "位まで";
  return { year, value, from, within, how: `${line}${rounded}` };
}
