// Database rows → the plain inputs of the progress rules (decimal strings, no Prisma types).
import type { SeriesInput } from "../progress/types";
import type { SeriesRow } from "./measure-select";

const str = (d: { toString(): string } | null): string | null => (d === null ? null : d.toString());

export function toSeriesInput(s: SeriesRow): SeriesInput {
  return {
    label: s.label,
    unit: s.unit,
    baseline: s.baselineText === null && s.baselineValue === null ? null : { year: s.baselineYear, value: str(s.baselineValue), text: s.baselineText },
    actuals: s.values.map((v) => ({ year: v.fiscalYear, value: str(v.value), text: v.text })),
    target:
      s.targetKind === null
        ? null
        : {
            kind: s.targetKind,
            direction: s.targetDirection,
            year: s.targetYear,
            value: str(s.targetValue),
            text: s.targetText,
            periodStart: s.targetPeriodStart,
            periodEnd: s.targetPeriodEnd,
          },
    comparison: s.aggregation === null ? null : { aggregation: s.aggregation, value: str(s.comparisonValue), text: s.comparisonText },
  };
}

/** The latest numeric actual of a series up to a year (what the overview shows as 最新実績). */
export function latestActual(s: SeriesRow, upToYear: number) {
  const numeric = s.values.filter((v) => v.fiscalYear <= upToYear && v.value !== null);
  const latest = numeric.at(-1) ?? s.values.filter((v) => v.fiscalYear <= upToYear).at(-1) ?? null;
  return latest ? { year: latest.fiscalYear, value: str(latest.value), text: latest.text } : null;
}
