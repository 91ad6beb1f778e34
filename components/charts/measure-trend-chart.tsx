"use client";
// The trend of a KPI (実績値の推移): actuals by fiscal year, baseline marked, target as a dashed line and a
// marked point. Text cells (集計中, －) leave a gap and are named under the axis, never drawn as zero.
// The same data is in the table below the chart.
import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartProjection, Trend } from "@/lib/measures/trend";

import { SERIES_COLORS as COLORS } from "./series-colors";
const fmt = (v: number) => v.toLocaleString("ja-JP", { maximumFractionDigits: 6 });


export function MeasureTrendChart({ trend, title, projections = [] }: { trend: Trend; title: string; projections?: ChartProjection[] }) {
  const rows = trend.years.map((year) => {
    const row: Record<string, number | string | null> = { year, label: trend.yearLabels[year] };
    for (const s of trend.series) row[s.key] = s.points.find((p) => p.year === year)?.value ?? null;
    for (const p of projections) row[`${p.key}__projection`] = year === p.fromYear ? p.fromValue : year === p.year ? p.value : null;
    return row;
  });
  const textNotes = (year: number) =>
    trend.series
      .flatMap((s) => s.points.filter((p) => p.year === year && p.value === null && p.text).map((p) => p.text))
      .join("・");
  // The chart takes the width it is given (up to 720 px, see .trend-chart) so that on a 390 px phone every year is
  // on screen: a fixed-width chart in a clipped box hid the latest years. Every year keeps its tick (interval 0).
  return (
    <div className="trend-chart">
    <ResponsiveContainer width="100%" height={320} initialDimension={{ width: 320, height: 320 }}>
    <LineChart data={rows} margin={{ top: 24, right: 16, bottom: 24, left: 0 }} title={title} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        dataKey="year"
        tickFormatter={(y: number) => trend.yearLabels[y] ?? String(y)}
        tick={({ x, y, payload }) => {
          const note = textNotes(payload.value as number);
          return (
            <g transform={`translate(${x},${y})`}>
              <text dy={16} textAnchor="middle" fontSize={14} fill="#333">{trend.yearLabels[payload.value as number]}</text>
              {note && <text dy={34} textAnchor="middle" fontSize={12} fill="#8b3200">{note}</text>}
            </g>
          );
        }}
        height={50}
        interval={0}
      />
      <YAxis tickFormatter={fmt} width={64} tick={{ fontSize: 13 }} />
      <Tooltip
        labelFormatter={(y) => `${trend.yearLabels[y as number]}年度（${y}）`}
        formatter={(value, name) => [value === null ? "（数値なし）" : fmt(Number(value)), String(name)]}
      />
      <Legend />
      {trend.series.map((s, i) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={`${s.label}${s.unit ? `（${s.unit}）` : ""}`}
          stroke={COLORS[i % COLORS.length]}
          strokeWidth={2}
          dot={{ r: 4 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
      {projections.map((p) => {
        const i = trend.series.findIndex((s) => s.key === p.key);
        const s = trend.series[i];
        return s ? (
          <Line
            key={`p${p.key}`}
            dataKey={`${p.key}__projection`}
            name={`${s.label} 見込み（実績ではありません）`}
            stroke={COLORS[i % COLORS.length]}
            strokeWidth={2}
            strokeDasharray="2 4"
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        ) : null;
      })}
      {projections.map((p) => (
        <ReferenceDot key={`pd${p.key}`} x={p.year} y={p.value} r={4} fill="#fff" stroke="#333" strokeDasharray="2 2" label={{ value: `見込み ${fmt(p.value)}`, position: "left", fontSize: 13 }} />
      ))}
      {trend.series.map((s, i) =>
        s.target?.value !== null && s.target?.value !== undefined ? (
          <ReferenceLine key={`t${s.key}`} y={s.target.value} stroke={COLORS[i % COLORS.length]} strokeDasharray="6 4" label={{ value: `目標 ${s.target.text ?? fmt(s.target.value)}`, position: "insideTopRight", fontSize: 13 }} />
        ) : null,
      )}
      {trend.series.map((s, i) =>
        s.target?.value !== null && s.target?.value !== undefined && s.target.year !== null ? (
          <ReferenceDot key={`d${s.key}`} x={s.target.year} y={s.target.value} r={6} fill="#fff" stroke={COLORS[i % COLORS.length]} strokeWidth={2} />
        ) : null,
      )}
    </LineChart>
    </ResponsiveContainer>
    </div>
  );
}
