// The data of a KPI's trend chart and its table: years in order, each series' baseline, actuals and target.
// Text cells (集計中, －) are kept as text and never drawn as zero.
import { shortEraYear } from "../fiscal-year";

type Cell = { kind?: string; fiscalYear: number; value: { toString(): string } | null; text: string | null; label?: string | null; period?: string | null; asOf?: string | null; note?: string | null };
type Series = {
  label: string;
  unit: string | null;
  baselineYear: number | null;
  baselineYearLabel: string | null;
  baselineValue: { toString(): string } | null;
  baselineText: string | null;
  targetYear: number | null;
  targetValue: { toString(): string } | null;
  targetText: string | null;
  values: Cell[];
};

export type TrendPoint = { year: number; value: number | null; text: string | null; isBaseline: boolean };
export type YearCell = { year: number; value: number | null; text: string | null };
export type TrendSeries = {
  key: string;
  label: string;
  unit: string | null;
  points: TrendPoint[];
  target: { year: number | null; value: number | null; text: string | null } | null;
  /** 基本目標: the target of each year (目標値) and the projection (推計値), shown as rows of the table */
  targetPath: YearCell[];
  estimates: YearCell[];
};
/** 見込み on the chart: from the last actual used to the projected value at the target year (lib/progress/projection.ts). */
export type ChartProjection = { key: string; fromYear: number; fromValue: number; year: number; value: number };
export type Trend = { years: number[]; yearLabels: Record<number, string>; series: TrendSeries[] };

const num = (d: { toString(): string } | null) => (d === null ? null : Number(d.toString()));

export function buildTrend(series: Series[]): Trend {
  const years = new Set<number>();
  const out: TrendSeries[] = series.map((s, i) => {
    const points: TrendPoint[] = [];
    if (s.baselineYear !== null && (s.baselineText !== null || s.baselineValue !== null)) {
      points.push({ year: s.baselineYear, value: num(s.baselineValue), text: s.baselineText, isBaseline: true });
    }
    for (const v of s.values.filter((v) => (v.kind ?? "actual") === "actual")) {
      if (points.some((p) => p.year === v.fiscalYear)) continue;
      points.push({ year: v.fiscalYear, value: num(v.value), text: v.text, isBaseline: false });
    }
    points.sort((a, b) => a.year - b.year);
    for (const p of points) years.add(p.year);
    if (s.targetYear !== null) years.add(s.targetYear);
    const hasTarget = s.targetText !== null || s.targetValue !== null;
    const cells = (kind: string) =>
      s.values.filter((v) => v.kind === kind).map((v) => (years.add(v.fiscalYear), { year: v.fiscalYear, value: num(v.value), text: v.text }));
    return {
      key: `s${i}`,
      label: s.label,
      unit: s.unit,
      points,
      target: hasTarget ? { year: s.targetYear, value: num(s.targetValue), text: s.targetText } : null,
      targetPath: cells("target"),
      estimates: cells("estimate"),
    };
  });
  const sorted = [...years].sort((a, b) => a - b);
  return { years: sorted, yearLabels: Object.fromEntries(sorted.map((y) => [y, shortEraYear(y)])), series: out };
}
