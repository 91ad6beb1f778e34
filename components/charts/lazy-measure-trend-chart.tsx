"use client";
// recharts is large and draws nothing on the server, so the chart is loaded after the page (it is not part
// of the page's first-load JavaScript); the same numbers are always in the server-rendered table below it.
import dynamic from "next/dynamic";

export const LazyMeasureTrendChart = dynamic(() => import("./measure-trend-chart").then((m) => m.MeasureTrendChart), {
  ssr: false,
  loading: () => <div className="trend-chart" style={{ height: 320 }} />,
});
