"use client";
// The overall status counts as a bar chart; the same numbers are in the table beside it (accessible).
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import type { StatusCode } from "@/lib/progress/types";

const COLORS: Record<StatusCode, string> = {
  achieved: "#197a4b",
  good: "#197a4b",
  on_track: "#0017c1",
  behind: "#c74700",
  fair: "#c74700",
  not_achieved: "#c74700",
  worse: "#ce0000",
  poor: "#ce0000",
  not_judgeable: "#666666",
};

export function StatusSummaryChart({ data, title }: { data: { status: StatusCode; label: string; count: number }[]; title: string }) {
  return (
    <div aria-hidden="true">
      <BarChart width={Math.max(280, data.length * 90)} height={220} data={data} margin={{ top: 24, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false} title={title}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 14 }} />
        <YAxis allowDecimals={false} width={40} tick={{ fontSize: 14 }} />
        <Tooltip formatter={(v) => [`${v}件`, "指標数"]} />
        <Bar dataKey="count" isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.status} fill={COLORS[d.status]} />
          ))}
          <LabelList dataKey="count" position="top" />
        </Bar>
      </BarChart>
    </div>
  );
}
