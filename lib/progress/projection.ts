// Where the actuals so far lead by the target year: an ordinary least-squares line through the plan period's
// numeric actuals up to the evaluation year (at least two years), read at the target year. Shown as 見込み on the
// chart and in words; never stored or exported as an actual.
import { Dec, decimals, formatNumber, yearLabel } from "./explain";
import { targetDirection } from "./default-rule";
import type { Projection, RuleContext, SeriesInput } from "./types";

export const PROJECTION_METHOD =
  "計画期間の初年度から評価年度までの数値の実績（2年度以上）に最小二乗法で直線を当てはめ、目標年度の値を読んだもの";

export function projectSeries(series: SeriesInput, evaluationYear: number, ctx: RuleContext): Projection | null {
  const target = series.target;
  if (!target || target.year === null || target.value === null) return null;
  if (target.kind === "milestone" || target.kind === "relative") return null;
  // a sum of yearly flows is not a line through its own points
  if (target.kind === "period_total" && !series.countsWithinPeriod && (series.comparison?.aggregation ?? "sum") === "sum") return null;
  const from = ctx.planStart ?? -Infinity;
  const points = series.actuals
    .filter((c) => c.value !== null && c.year >= from && c.year <= evaluationYear)
    .sort((a, b) => a.year - b.year);
  if (points.length < 2 || points.at(-1)!.year >= target.year) return null;

  const n = new Dec(points.length);
  const xMean = points.reduce((s, p) => s.plus(p.year), new Dec(0)).div(n);
  const yMean = points.reduce((s, p) => s.plus(p.value as string), new Dec(0)).div(n);
  let sxy = new Dec(0);
  let sxx = new Dec(0);
  for (const p of points) {
    const dx = new Dec(p.year).minus(xMean);
    sxy = sxy.plus(dx.times(new Dec(p.value as string).minus(yMean)));
    sxx = sxx.plus(dx.times(dx));
  }
  const slope = sxy.div(sxx);
  const dp = Math.max(...points.map((p) => decimals(p.value as string)));
  const value = yMean.plus(slope.times(new Dec(target.year).minus(xMean))).toDecimalPlaces(dp).toFixed(dp);
  const unit = series.unit ? ` ${series.unit}` : "";
  const direction = targetDirection(target);
  const reaches = direction === null ? "" : (direction === "higher" ? new Dec(value).gte(target.value) : new Dec(value).lte(target.value)) ? "・目標に届く見込み" : "・目標に届かない見込み";
  const text = `このままでは${yearLabel(target.year)}に ${formatNumber(value)}${unit}の見込み（目標 ${formatNumber(target.value)}${unit}${reaches}。${yearLabel(points[0].year)}〜${yearLabel(points.at(-1)!.year)}の実績${points.length}点からの直線の見込み）`;
  return { year: target.year, value, points: points.length, text };
}
