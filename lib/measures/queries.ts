import "server-only";
import { cache } from "react";
import { db } from "../db";
import { measureSheetSelect } from "./measure-select";
import { cachedData } from "../cache";
import { getPlanLatestActualYear } from "../plans/queries";
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
      plan: { select: { id: true, organizationId: true, slug: true, name: true, startYear: true, endYear: true, progressRule: true, progressSettings: true, status: true, printFormName: true, organization: { select: { code: true, name: true } }, ...openYearSelect } },
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

