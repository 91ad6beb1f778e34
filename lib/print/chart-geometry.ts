// The trend chart (実績値の推移) as plain geometry, drawn as SVG on the server for the printed sheet and for the
// KPI page (recharts draws nothing during server rendering: components/charts/trend-svg.tsx). Years are evenly spaced categories, as on the printed sheets; each point
// carries its printed value as a data label; text cells (集計中, －) are no point at all and are named under
// their year instead, so they are never drawn as zero. A numeric target is a dashed line and a marked point.
import type { ChartProjection, Trend } from "../measures/trend";
import { shortEraYear } from "../fiscal-year";
import { pointText } from "./sheet-table";

export type ChartBox = { width: number; height: number; left: number; right: number; top: number; bottom: number };
export type ChartPoint = { year: number; x: number; y: number; label: string };
export type ChartGeometry = {
  box: ChartBox;
  empty: boolean;
  xTicks: { year: number; label: string; x: number; notes: string[] }[];
  yTicks: { value: number; label: string; y: number }[];
  series: { key: string; name: string; segments: ChartPoint[][]; points: ChartPoint[] }[];
  targets: { key: string; y: number; x: number | null; label: string }[];
  /** 見込み: a dotted line from the last actual to the estimate (never an actual) */
  projections: { key: string; from: { x: number; y: number }; to: { x: number; y: number }; label: string }[];
};

const DEFAULT_BOX: ChartBox = { width: 400, height: 210, left: 52, right: 14, top: 14, bottom: 38 };

/** Coordinates to a tenth of a unit: finer than any screen or printer shows, and the SVG stays short. */
export const tenth = (v: number) => Math.round(v * 10) / 10;

const formatTick = (v: number) => v.toLocaleString("ja-JP", { maximumFractionDigits: 4 });

/** A "nice" step (1, 2, 2.5, 5 × 10^k) that splits the range into about `count` parts. */
export function niceStep(range: number, count = 4): number {
  if (!(range > 0)) return 1;
  const raw = range / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const f = raw / magnitude;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * magnitude;
}

/**
 * The value axis: from zero like a spreadsheet's default, unless all values sit in a narrow band far from zero
 * (then the band, so that 34,248 → 36,900 is not a flat line); negative values go below zero.
 */
export function valueAxis(values: number[], count = 4): { min: number; max: number; step: number; ticks: number[] } {
  if (values.length === 0) return { min: 0, max: 1, step: 1, ticks: [0, 1] };
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo >= 0 && !(lo > hi * (5 / 6))) lo = 0;
  if (hi <= 0 && !(hi < lo * (5 / 6))) hi = 0;
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= lo === 0 ? 0 : pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, count);
  // `|| 0` turns -0 into 0 (no 「-0」 on the axis)
  const min = Math.floor(lo / step + 1e-9) * step || 0;
  const max = Math.ceil(hi / step - 1e-9) * step || 0;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)) || 0);
  return { min, max, step, ticks };
}

export function chartGeometry(trend: Trend, years: number[], box: ChartBox = DEFAULT_BOX, projections: ChartProjection[] = []): ChartGeometry {
  const plotLeft = box.left;
  const plotRight = box.width - box.right;
  const plotTop = box.top;
  const plotBottom = box.height - box.bottom;
  const xOf = (year: number) => {
    const i = years.indexOf(year);
    const slot = (plotRight - plotLeft) / Math.max(years.length, 1);
    return tenth(plotLeft + slot * (i + 0.5));
  };
  const numbers: number[] = [];
  for (const s of trend.series) {
    for (const p of s.points) if (p.value !== null && years.includes(p.year)) numbers.push(p.value);
    if (s.target?.value !== null && s.target?.value !== undefined) numbers.push(s.target.value);
  }
  const drawnProjections = projections.filter((p) => years.includes(p.fromYear) && years.includes(p.year) && trend.series.some((s) => s.key === p.key));
  const actuals = numbers.length;
  for (const p of drawnProjections) numbers.push(p.fromValue, p.value);
  const axis = valueAxis(numbers);
  const yOf = (v: number) => tenth(plotBottom - ((v - axis.min) / (axis.max - axis.min)) * (plotBottom - plotTop));

  const series = trend.series.map((s) => {
    const points: ChartPoint[] = [];
    const segments: ChartPoint[][] = [];
    let current: ChartPoint[] = [];
    for (const year of years) {
      const p = s.points.find((p) => p.year === year);
      if (p && p.value !== null) {
        const point = { year, x: xOf(year), y: yOf(p.value), label: pointText(p) };
        points.push(point);
        current.push(point);
      } else if (p) {
        // a text cell breaks the line; a year without any cell (the target year) does not
        if (current.length) segments.push(current);
        current = [];
      }
    }
    if (current.length) segments.push(current);
    return { key: s.key, name: `${s.label}${s.unit ? `（${s.unit}）` : ""}`, segments, points };
  });

  const targets = trend.series.flatMap((s) =>
    s.target && s.target.value !== null
      ? [{ key: s.key, y: yOf(s.target.value), x: s.target.year !== null && years.includes(s.target.year) ? xOf(s.target.year) : null, label: `目標 ${pointText(s.target)}` }]
      : [],
  );

  const xTicks = years.map((year) => ({
    year,
    label: trend.yearLabels[year] ?? shortEraYear(year),
    x: xOf(year),
    notes: trend.series.flatMap((s) => s.points.filter((p) => p.year === year && p.value === null && p.text).map((p) => p.text!)),
  }));

  return {
    box,
    empty: actuals === 0,
    xTicks,
    yTicks: axis.ticks.map((value) => ({ value, label: formatTick(value), y: yOf(value) })),
    series,
    targets,
    projections: drawnProjections.map((p) => ({
      key: p.key,
      from: { x: xOf(p.fromYear), y: yOf(p.fromValue) },
      to: { x: xOf(p.year), y: yOf(p.value) },
      label: `見込み ${formatTick(p.value)}`,
    })),
  };
}
