"use client";
// The overview's bar chart: `drawn` (the SVG drawn on the server, ./status-summary-svg.tsx) is in the HTML; with
// JavaScript the interactive chart takes its place once it nears the screen (see
// components/charts/lazy-measure-trend-chart.tsx). The counts are in the list and tables beside it.
import { lazy, Suspense, type ComponentProps, type ReactNode } from "react";
import { WhenVisible } from "@/components/charts/when-visible";

const Chart = lazy(() => import("./status-summary-chart").then((m) => ({ default: m.StatusSummaryChart })));

export function LazyStatusSummaryChart({ drawn, ...props }: ComponentProps<typeof Chart> & { drawn: ReactNode }) {
  return (
    <WhenVisible height={220} fallback={drawn}>
      <Suspense fallback={drawn}>
        <Chart {...props} />
      </Suspense>
    </WhenVisible>
  );
}
