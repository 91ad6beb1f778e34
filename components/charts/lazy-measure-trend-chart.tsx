"use client";
// recharts is large and draws nothing on the server, so the chart is loaded after the page (it is not part
// of the page's first-load JavaScript), and only when it nears the screen; the same numbers are always in the
// server-rendered table below it.
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { WhenVisible } from "./when-visible";

const Chart = dynamic(() => import("./measure-trend-chart").then((m) => m.MeasureTrendChart), {
  ssr: false,
  loading: () => <div className="trend-chart" style={{ height: 320 }} />,
});

export function LazyMeasureTrendChart(props: ComponentProps<typeof Chart>) {
  return (
    <WhenVisible height={320}>
      <Chart {...props} />
    </WhenVisible>
  );
}
