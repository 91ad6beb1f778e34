import "server-only";
import { cache } from "react";
import { db } from "../db";
import { measureSheetSelect } from "./measure-select";
import { cachedData } from "../cache";
import { getPlanLatestActualYear } from "../plans/queries";
import { canSeePlan } from "../plans/visibility";
import { getCurrentUser } from "../auth/current-user";
import { getPredecessorTrend } from "./periods";
import { openYearSelect } from "../plans/evaluation-year";

/** Everything the KPI page needs, in a fixed number of queries. */
// cached per request: the page and its metadata share one load
export const getMeasurePageData = cache((code: string, slug: string, number: string) => loadMeasurePageData(code, slug, number));

const loadMeasurePageData = cachedData("measure-page", async (code: string, slug: string, number: string) => {
  const measure = await db().measure.findFirst({
    where: { number, plan: { slug, organization: { code } } },
    select: {
      ...measureSheetSelect,
      plan: { select: { id: true, organizationId: true, slug: true, name: true, startYear: true, endYear: true, progressRule: true, status: true, organization: { select: { code: true, name: true } }, ...openYearSelect } },
    },
  });
  if (!measure) return null;
  const siblings = await db().measure.findMany({
    // retired KPIs are left out of the previous/next links (their own page still opens)
    where: { planId: measure.plan.id, OR: [{ retiredAt: null }, { number: measure.number }] },
    orderBy: { sortOrder: "asc" },
    select: { number: true, name: true },
  });
  const at = siblings.findIndex((s) => s.number === measure.number);
  const [planLatestYear, predecessor] = await Promise.all([getPlanLatestActualYear(measure.plan), getPredecessorTrend(db(), measure.predecessorId)]);
  return { measure, previous: siblings[at - 1] ?? null, next: siblings[at + 1] ?? null, planLatestYear, predecessor };
});

export type MeasurePageData = NonNullable<Awaited<ReturnType<typeof getMeasurePageData>>>;

/** A KPI route's parameters (the No arrives URL-encoded: 「追加1」) → the page data, or null for a 404. */
export async function getMeasureForRoute(params: Promise<{ code: string; slug: string; no: string }>) {
  const { code, slug, no } = await params;
  const data = await getMeasurePageData(code, slug, decodeURIComponent(no));
  // a plan being set up (準備中) is its organisation's business only
  if (data && !canSeePlan(await getCurrentUser(), data.measure.plan)) return null;
  return data ? { code, slug, data } : null;
}
