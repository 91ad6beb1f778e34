// The value table of a printed KPI sheet (別記様式２): 戦略策定時実績値, one column per plan year (実績値), 目標値.
// The sheet shows the KPI as it stood in the evaluation year, so actuals of later years are left blank
// (the columns stay, as on the printed form). Text cells (集計中, －) are printed as text, never as 0.
// Pure: works on the trend the KPI page already builds.
import { shortEraYear } from "../fiscal-year";
import type { Trend, TrendPoint } from "../measures/trend";

export type SheetCell = { text: string; /** a year printed in the cell when it differs from the column's */ yearNote: string | null };
export type SheetRow = { label: string; unit: string | null; baseline: SheetCell | null; actuals: (SheetCell | null)[]; target: SheetCell | null };
export type SheetTable = {
  baselineYearLabel: string | null;
  years: { year: number; label: string }[];
  targetYearLabel: string | null;
  rows: SheetRow[];
};

type SeriesLabels = { baselineYearLabel: string | null };

const formatNumber = (v: number) => v.toLocaleString("ja-JP", { maximumFractionDigits: 6 });

/** The printed text of a trend cell: the text as printed, else the number the Japanese way; "" when empty. */
export function pointText(p: Pick<TrendPoint, "value" | "text"> | { value: number | null; text: string | null }): string {
  return p.text ?? (p.value === null ? "" : formatNumber(p.value));
}

/** The trend without the actuals after the evaluation year (the baseline and the target stay). */
export function trendUpTo(trend: Trend, year: number): Trend {
  return { ...trend, series: trend.series.map((s) => ({ ...s, points: s.points.filter((p) => p.isBaseline || p.year <= year) })) };
}

/**
 * The columns and rows of the sheet's table. `series` gives the printed baseline year label of each series
 * (「H30」「平成27年」), in the same order as the trend's series.
 */
export function buildSheetTable(trend: Trend, series: SeriesLabels[], plan: { startYear: number; endYear: number }, year: number): SheetTable {
  const baselineYears = trend.series.map((s) => s.points.find((p) => p.isBaseline)?.year ?? null);
  const firstBaseline = baselineYears.findIndex((y) => y !== null);
  const baselineYear = firstBaseline >= 0 ? baselineYears[firstBaseline] : null;
  const printedBaselineLabel = (i: number) => {
    const y = baselineYears[i];
    if (y === null) return null;
    const printed = series[i]?.baselineYearLabel;
    return printed && /^[RH]\d+$/.test(printed) ? printed : shortEraYear(y);
  };

  const years = new Set<number>();
  for (let y = plan.startYear; y <= plan.endYear; y++) years.add(y);
  // an actual before the plan (the R1 column of a sheet whose baseline is H30) gets its own column
  for (const s of trend.series) for (const p of s.points) if (!p.isBaseline && p.year <= plan.endYear) years.add(p.year);
  const columns = [...years].sort((a, b) => a - b);

  const targetYears = trend.series.map((s) => s.target?.year ?? null);
  const targetYear = targetYears.find((y) => y !== null) ?? null;

  const rows: SheetRow[] = trend.series.map((s, i) => {
    const base = s.points.find((p) => p.isBaseline);
    return {
      label: s.label,
      unit: s.unit,
      baseline: base ? { text: pointText(base), yearNote: base.year !== baselineYear ? printedBaselineLabel(i) : null } : null,
      actuals: columns.map((y) => {
        if (y > year) return null;
        const p = s.points.find((p) => !p.isBaseline && p.year === y);
        return p ? { text: pointText(p), yearNote: null } : null;
      }),
      target: s.target
        ? { text: pointText(s.target), yearNote: s.target.year !== null && s.target.year !== targetYear ? shortEraYear(s.target.year) : null }
        : null,
    };
  });

  return {
    baselineYearLabel: firstBaseline >= 0 ? printedBaselineLabel(firstBaseline) : null,
    years: columns.map((y) => ({ year: y, label: shortEraYear(y) })),
    targetYearLabel: targetYear === null ? null : shortEraYear(targetYear),
    rows,
  };
}
