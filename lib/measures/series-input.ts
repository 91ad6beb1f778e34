// Database rows → the plain inputs of the progress rules (decimal strings, no Prisma types).
import type { ProgressRule, RuleContext, SeriesInput } from "../progress/types";
import type { SeriesRow } from "./measure-select";

const str = (d: { toString(): string } | null): string | null => (d === null ? null : d.toString());

type ValueRow = SeriesRow["values"][number];
/** A value row is an actual unless it says otherwise (selects of actuals only leave the kind out). */
export const isActual = (v: { kind?: string }) => (v.kind ?? "actual") === "actual";

/** The actuals among a series' selected values (the list selects carry the yearly targets too). */
export function actualValues<V extends { kind?: string }>(values: V[]): V[] {
  return values.filter(isActual);
}

type SeriesLike = Omit<SeriesRow, "values" | "countsWithinPeriod"> & { values: (Omit<ValueRow, "kind"> & { kind?: string })[]; countsWithinPeriod?: boolean };

export function toSeriesInput(s: SeriesLike): SeriesInput {
  const cell = (v: SeriesLike["values"][number]) => ({ year: v.fiscalYear, value: str(v.value), text: v.text });
  return {
    label: s.label,
    unit: s.unit,
    baseline: s.baselineText === null && s.baselineValue === null ? null : { year: s.baselineYear, value: str(s.baselineValue), text: s.baselineText },
    actuals: s.values.filter(isActual).map(cell),
    yearlyTargets: s.values.filter((v) => v.kind === "target").map(cell),
    countsWithinPeriod: s.countsWithinPeriod ?? false,
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

/** The rule a plan judges by, with its settings and period, for lib/progress. */
export function planRule(plan: { progressRule: ProgressRule; progressSettings?: unknown; startYear?: number; endYear?: number }): RuleContext {
  return { rule: plan.progressRule, settings: plan.progressSettings ?? null, planStart: plan.startYear ?? null, planEnd: plan.endYear ?? null };
}

/** The latest numeric actual of a series up to a year (what the overview shows as 最新実績). */
export function latestActual(s: { values: (Omit<ValueRow, "kind"> & { kind?: string })[] }, upToYear: number) {
  const values = s.values.filter((v) => isActual(v) && v.fiscalYear <= upToYear);
  const latest = values.filter((v) => v.value !== null).at(-1) ?? values.at(-1) ?? null;
  return latest ? { year: latest.fiscalYear, value: str(latest.value), text: latest.text } : null;
}
