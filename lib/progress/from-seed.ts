// Seed rows (YAML, printed text + optional explicit numbers) → the pure inputs of the progress rules.
// Numbers come only from what the cell prints (or its explicit `number`); text cells stay text.
import { cellNumber } from "../seeds/cell-number";
import type { MeasureSeed, SeriesSeed } from "../seeds/schema";
import { parsePrintedNumber } from "../values/printed-number";
import type { SeriesInput } from "./types";

export function seriesInputFromSeed(series: SeriesSeed): SeriesInput {
  const { baseline, target, comparison } = series;
  return {
    label: series.label,
    unit: series.unit,
    baseline: baseline ? { year: baseline.year, value: cellNumber(baseline), text: baseline.value } : null,
    actuals: series.actuals.map((c) => ({ year: c.year, value: cellNumber(c), text: c.value })),
    yearlyTargets: (series.targetPath ?? []).map((c) => ({ year: c.year, value: cellNumber(c), text: c.value })),
    countsWithinPeriod: series.countsWithinPeriod ?? false,
    target: target
      ? {
          kind: target.kind,
          direction: target.direction ?? null,
          year: target.year,
          // 「5年間に40件」 carries its number explicitly; 「1,500」 is read from the text; 「前年比減」「完了」 have none
          value: target.number ?? parsePrintedNumber(target.value),
          text: target.value,
          periodStart: target.periodStart ?? null,
          periodEnd: target.periodEnd ?? null,
        }
      : null,
    comparison: comparison
      ? { aggregation: comparison.aggregation, value: parsePrintedNumber(comparison.value), text: comparison.value }
      : null,
  };
}

export function measureSeriesFromSeed(measure: MeasureSeed): SeriesInput[] {
  return measure.series.map(seriesInputFromSeed);
}

/** The printed official mark for an evaluation year (the latest one when no year is given), or null. */
export function officialRatingFromSeed(measure: MeasureSeed, evaluationYear?: number): string | null {
  const ratings = measure.officialRatings
    .filter((r) => evaluationYear === undefined || r.evaluationYear === evaluationYear)
    .sort((a, b) => a.evaluationYear - b.evaluationYear);
  return ratings.at(-1)?.rating ?? null;
}
