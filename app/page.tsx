import { getDefaultPlanRef } from "@/lib/plans/queries";
import { getPlanOverview } from "@/lib/plans/get-overview";
import { parseOverviewFilters } from "@/lib/plans/overview-filters";
import { PlanOverview } from "@/components/overview/plan-overview";

// Rendered per request: the data changes as departments update their sheets.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The dashboard opens on the default plan (the first organisation's latest plan with values). */
export default async function HomePage({ searchParams }: Props) {
  const ref = await getDefaultPlanRef();
  const filters = parseOverviewFilters(await searchParams);
  const data = ref ? await getPlanOverview(ref.code, ref.slug, filters) : null;
  if (!data) {
    return (
      <>
        <h1>総合戦略 KPI ダッシュボード</h1>
        <p>まだ計画が登録されていません。</p>
      </>
    );
  }
  return <PlanOverview data={data} filters={filters} />;
}
