"use client";
// Loaded after the page, and only when it nears the screen (see components/charts/lazy-measure-trend-chart.tsx):
// the counts are in the list and tables beside it.
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { WhenVisible } from "@/components/charts/when-visible";

const Chart = dynamic(() => import("./status-summary-chart").then((m) => m.StatusSummaryChart), {
  ssr: false,
  loading: () => <div style={{ height: 220 }} />,
});

export function LazyStatusSummaryChart(props: ComponentProps<typeof Chart>) {
  return (
    <WhenVisible height={220}>
      <Chart {...props} />
    </WhenVisible>
  );
}
