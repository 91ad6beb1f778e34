"use client";
// The KPI page's trend chart: `drawn` (the SVG drawn on the server, components/charts/trend-svg.tsx) is in the
// HTML; with JavaScript, the interactive recharts chart (tooltips) takes its place once it nears the screen. Its
// code is loaded then, not with the page; until it arrives the drawn chart stays. The same numbers are always in
// the server-rendered table below it.
import { lazy, Suspense, type ComponentProps, type ReactNode } from "react";
import { WhenVisible } from "./when-visible";

const Chart = lazy(() => import("./measure-trend-chart").then((m) => ({ default: m.MeasureTrendChart })));

export function LazyMeasureTrendChart({ drawn, ...props }: ComponentProps<typeof Chart> & { drawn: ReactNode }) {
  return (
    <WhenVisible height={320} fallback={drawn}>
      <Suspense fallback={drawn}>
        <Chart {...props} />
      </Suspense>
    </WhenVisible>
  );
}
