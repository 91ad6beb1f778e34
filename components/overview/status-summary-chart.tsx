"use client";
// The overall status counts as a bar chart; the same numbers are in the table beside it (accessible).
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { StatusCode } from "@/lib/progress/types";
import { statusColor } from "./status-colors";


export function StatusSummaryChart({ data, title }: { data: { status: StatusCode; label: string; count: number }[]; title: string }) {
  // as wide as its box up to 90 px a bar: a fixed width was clipped on a 390 px phone
  return (
    <div aria-hidden="true" className="summary-chart__plot" style={{ maxWidth: Math.max(280, data.length * 90) }}>
      <ResponsiveContainer width="100%" height={220} initialDimension={{ width: 280, height: 220 }}>
      <BarChart data={data} margin={{ top: 24, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false} title={title}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 14 }} interval={0} />
        <YAxis allowDecimals={false} width={40} tick={{ fontSize: 14 }} />
        <Tooltip formatter={(v) => [`${v}件`, "指標数"]} />
        <Bar dataKey="count" isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.status} fill={statusColor(d.status)} />
          ))}
          <LabelList dataKey="count" position="top" />
        </Bar>
      </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
