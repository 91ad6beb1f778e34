// 実績値の推移 for print: the server-drawn SVG of components/charts/trend-svg.tsx at the printed sheet's size
// (the same drawing as the KPI page's, so a printed or saved page has its chart). Its values are the table's.
import type { Trend } from "@/lib/measures/trend";
import { chartGeometry } from "@/lib/print/chart-geometry";
import { PRINT_SIZE, TrendLegend, TrendSvg } from "@/components/charts/trend-svg";

export function PrintTrendChart({ trend, years, title }: { trend: Trend; years: number[]; title: string }) {
  const geometry = chartGeometry(trend, years);
  if (geometry.empty) return <p className="print-chart__empty">数値の実績値はありません</p>;
  return (
    <>
      <TrendSvg trend={trend} years={years} title={title} size={PRINT_SIZE} />
      <TrendLegend geometry={geometry} className="print-chart__legend" />
    </>
  );
}
