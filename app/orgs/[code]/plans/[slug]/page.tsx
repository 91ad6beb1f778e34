import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPlanOverview } from "@/lib/plans/get-overview";
import { getPlanTitle } from "@/lib/plans/queries";
import { parseOverviewFilters } from "@/lib/plans/overview-filters";
import { PlanOverview } from "@/components/overview/plan-overview";

type Props = { params: Promise<{ code: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code, slug } = await params;
  const plan = await getPlanTitle(code, slug);
  return { title: plan ? `${plan.name}（${plan.organization.name}）` : "計画が見つかりません" };
}

export default async function PlanPage({ params, searchParams }: Props) {
  const { code, slug } = await params;
  const filters = parseOverviewFilters(await searchParams);
  const data = await getPlanOverview(code, slug, filters);
  if (!data) notFound();
  return <PlanOverview data={data} filters={filters} />;
}
