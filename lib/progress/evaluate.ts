// Judging a KPI's progress for an evaluation year, by the rule its plan uses. Pure: no database, no clock.
import { evaluateDefault } from "./default-rule";
import { STATUS_LABELS, STATUS_ORDER } from "./explain";
import { evaluateKama } from "./kama-rule";
import type { MeasureStatus, ProgressRule, SeriesInput, SeriesStatus, StatusCode } from "./types";

export { STATUS_LABELS, STATUS_ORDER };

export function evaluateSeries(series: SeriesInput, rule: ProgressRule, evaluationYear: number): SeriesStatus {
  return rule === "kama" ? evaluateKama(series, evaluationYear) : evaluateDefault(series, evaluationYear);
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
  rule: ProgressRule,
  evaluationYear: number,
  officialRating?: string | null,
): MeasureStatus {
  const results = series.map((s) => evaluateSeries(s, rule, evaluationYear));
  let deciding: SeriesStatus | null = null;
  for (const r of results) {
    if (r.status === "not_judgeable") continue;
    if (!deciding || statusRank(r.status) < statusRank(deciding.status)) deciding = r;
  }
  const status: StatusCode = deciding?.status ?? "not_judgeable";
  const rating = officialRating?.trim();
  const mark = rating ? normalizeMark(rating) : null;
  return {
    status,
    statusLabel: STATUS_LABELS[status],
    decidingSeries: deciding?.label ?? null,
    series: results,
    // both rules' official marks are spelt like our labels (○/△/× for Kama, 達成… for the default rule)
    official: rating ? { rating, agrees: status === "not_judgeable" ? null : mark === STATUS_LABELS[status] } : null,
  };
}

/** Official marks come typed with look-alike glyphs (〇 U+3007, ◯, ✕); compare them as the marks they mean. */
function normalizeMark(rating: string): string {
  return rating.replace(/[〇◯⚪]/g, "○").replace(/[✕✖╳ⅹ]/g, "×").replace(/[▵]/g, "△");
}
