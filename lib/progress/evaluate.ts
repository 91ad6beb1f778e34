// Judging a KPI's progress for an evaluation year, by the rule its plan uses. Pure: no database, no clock.
import { evaluateDefault } from "./default-rule";
import { STATUS_LABELS, STATUS_ORDER, cellText, cellsUpTo, yearLabel } from "./explain";
import { evaluateKama } from "./kama-rule";
import { projectSeries } from "./projection";
import { RULE_SCALES, ruleSettings } from "./settings";
import type { MeasureStatus, PendingFigure, ProgressRule, RuleContext, SeriesInput, SeriesStatus, StatusCode } from "./types";

export { STATUS_LABELS, STATUS_ORDER };

const contextOf = (rule: ProgressRule | RuleContext): RuleContext => (typeof rule === "string" ? { rule } : rule);

export function evaluateSeries(series: SeriesInput, rule: ProgressRule | RuleContext, evaluationYear: number): SeriesStatus {
  const ctx = contextOf(rule);
  const settings = ruleSettings(ctx.rule, ctx.settings);
  const judged =
    settings.rule === "kama" ? evaluateKama(series, evaluationYear, settings.good) : evaluateDefault(series, evaluationYear, settings, ctx);
  return { ...judged, pending: pendingFigure(series, judged, evaluationYear), projection: projectSeries(series, evaluationYear, ctx) };
}

/**
 * Late statistics: the judged year is earlier than the evaluation year (its figure is 集計中, 国調査終了, or not
 * entered yet). Said in words so the page, the print view and the exports all carry it.
 */
export function pendingFigure(series: SeriesInput, judged: SeriesStatus, evaluationYear: number): PendingFigure | null {
  const year = judged.evaluatedYear;
  if (year === null || year >= evaluationYear || judged.status === "not_judgeable") return null;
  // a target that ends before the evaluation year was judged on its own period: nothing is pending
  if (series.target?.year != null && year >= series.target.year) return null;
  if (series.target?.periodEnd != null && year >= series.target.periodEnd) return null;
  const later = cellsUpTo(series.actuals, evaluationYear).filter((c) => c.year > year);
  const inEvaluationYear = later.find((c) => c.year === evaluationYear);
  const why = inEvaluationYear ? `「${cellText(inEvaluationYear)}」` : "未入力";
  return {
    judgedYear: year,
    evaluationYear,
    note: `${yearLabel(year)}の実績で判定（${yearLabel(evaluationYear)}の実績は${why}。数値が出たら判定が変わることがあります）`,
  };
}

/** Position in STATUS_ORDER: lower is less favourable. */
export function statusRank(status: StatusCode): number {
  return STATUS_ORDER.indexOf(status);
}

/**
 * A measure is as good as its weakest judged series (a KPI with 単年 and 累計 rows is behind if either is).
 * Series that cannot be judged do not decide; when none can, the measure cannot be judged either.
 */
export function evaluateMeasure(
  series: SeriesInput[],
  rule: ProgressRule | RuleContext,
  evaluationYear: number,
  officialRating?: string | null,
  officialReason?: string | null,
): MeasureStatus {
  const results = series.map((s) => evaluateSeries(s, rule, evaluationYear));
  let deciding: SeriesStatus | null = null;
  for (const r of results) {
    if (r.status === "not_judgeable") continue;
    if (!deciding || statusRank(r.status) < statusRank(deciding.status)) deciding = r;
  }
  const status: StatusCode = deciding?.status ?? "not_judgeable";
  const rating = officialRating?.trim();
  return {
    status,
    statusLabel: STATUS_LABELS[status],
    decidingSeries: deciding?.label ?? null,
    series: results,
    official: rating
      ? { rating, agrees: status === "not_judgeable" ? null : sameMark(rating, STATUS_LABELS[status]), reason: officialReason?.trim() || null }
      : null,
    pending: deciding?.pending ?? null,
  };
}

/** Official marks come typed with look-alike glyphs (〇 U+3007, ◯, ✕, full-width Ｓ); compare them as the marks they mean. */
export function normalizeMark(rating: string): string {
  return rating
    .normalize("NFKC")
    .trim()
    .replace(/[〇◯⚪]/g, "○")
    .replace(/[✕✖╳ⅹ]/g, "×")
    .replace(/[▵]/g, "△")
    .replace(/^[sabc]$/, (c) => c.toUpperCase());
}

export function sameMark(a: string, b: string): boolean {
  return normalizeMark(a) === normalizeMark(b);
}

/** The marks an official rating may take under a rule (its scale, best first). */
export function officialScale(rule: ProgressRule): string[] {
  return RULE_SCALES[rule].map((s) => STATUS_LABELS[s]);
}
