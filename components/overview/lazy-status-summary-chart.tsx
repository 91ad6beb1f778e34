"use client";
// Loaded after the page (see lazy-measure-trend-chart.tsx): the counts are in the list and tables beside it.
import dynamic from "next/dynamic";

export const LazyStatusSummaryChart = dynamic(() => import("./status-summary-chart").then((m) => m.StatusSummaryChart), {
  ssr: false,
  loading: () => <div style={{ height: 220 }} />,
});
