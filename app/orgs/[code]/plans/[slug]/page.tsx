import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPlanOverview } from "@/lib/plans/get-overview";
import { getPlanTitle } from "@/lib/plans/queries";
import { parseOverviewFilters } from "@/lib/plans/overview-filters";
import { PlanOverview } from "@/components/overview/plan-overview";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canSeePlan } from "@/lib/plans/visibility";
import { getStaffSheetMarks } from "@/lib/sheets/staff-marks";
import { apiCatalogPath, apiPlanJsonPath, apiPlanNarrativesCsvPath, apiPlanStatusesCsvPath, apiPlanValuesCsvPath, apiPlanXlsxPath } from "@/lib/opendata/paths";

type Props = { params: Promise<{ code: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code, slug } = await params;
  const plan = await getPlanTitle(code, slug);
  const visible = plan && canSeePlan(await getCurrentUser(), plan);
  return {
    title: visible ? `${plan.name}（${plan.organization.name}）` : "計画が見つかりません",
    // data portals find the plan's dataset in the DCAT catalogue
    ...(visible ? { alternates: { types: { "application/ld+json": apiCatalogPath(), "text/csv": apiPlanValuesCsvPath(code, slug) } } } : {}),
  };
}

export default async function PlanPage({ params, searchParams }: Props) {
  const { code, slug } = await params;
  const filters = parseOverviewFilters(await searchParams);
  const data = await getPlanOverview(code, slug, filters);
  // a plan being set up (準備中) is its organisation's business only
  const user = await getCurrentUser();
  if (!data || !canSeePlan(user, { status: data.plan.status, organizationId: data.organization.id })) notFound();
  // staff see each sheet's state and deadline (no query at all for anonymous readers: user is null without a cookie)
  const sheetMarks = await getStaffSheetMarks(user, code, slug);
  return (
    <>
      <PlanOverview data={data} filters={filters} sheetMarks={sheetMarks} />
      <p className="opendata-links">
        オープンデータ：<a href={apiPlanValuesCsvPath(code, slug)}>値 CSV</a>・<a href={apiPlanNarrativesCsvPath(code, slug)}>記述 CSV</a>・<a href={apiPlanStatusesCsvPath(code, slug)}>判定 CSV</a>・
        <a href={apiPlanXlsxPath(code, slug)}>Excel</a>・<a href={apiPlanJsonPath(code, slug)}>JSON</a>・<a href={apiCatalogPath()}>データカタログ（DCAT）</a>（
        <a href="/opendata">説明とライセンス</a>）
      </p>
    </>
  );
}
