import { ValuesTable } from "@/components/measure/values-table";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { buildTrend } from "@/lib/measures/trend";
import { measurePath, planPath } from "@/lib/paths";
import type { PredecessorTrend } from "@/lib/measures/periods";

/** The previous period's KPI that this one continues: a link, and its baseline, actuals and target as printed then. */
export function PredecessorTrendSection({ trend }: { trend: PredecessorTrend }) {
  const table = buildTrend(trend.series);
  const hasActuals = table.series.some((s) => s.points.some((p) => !p.isBaseline));
  return (
    <section aria-labelledby="predecessor-heading">
      <h2 id="predecessor-heading">前期の計画での推移</h2>
      <p>
        この指標は、前期の計画「<a href={planPath(trend.plan.organizationCode, trend.plan.slug)}>{trend.plan.name}</a>」（{fiscalYearWithWestern(trend.plan.startYear)}〜{fiscalYearWithWestern(trend.plan.endYear)}）の
        <a href={measurePath(trend.plan.organizationCode, trend.plan.slug, trend.number)}>No {trend.number}「{trend.name}」</a>を引き継いでいます。
        基準値と目標値は計画ごとに異なるため、前期の値はその計画のとおりに示します。
      </p>
      {hasActuals ? <ValuesTable trend={table} caption={`前期の計画での実績値（${trend.plan.name}、No ${trend.number}）`} /> : <p>前期の実績値はありません。</p>}
    </section>
  );
}
