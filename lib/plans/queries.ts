import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { measureListSelect } from "../measures/measure-select";
import { cachedData } from "../cache";
import { ORGANIZATIONS_PER_PAGE, organizationSearchWhere } from "../organizations/search";
import { PUBLIC_PLAN } from "./visibility";
import { openYearSelect } from "./evaluation-year";

/** The plan the dashboard opens on: the configured (or first) organisation's latest plan that has values. */
export const getDefaultPlanRef = cachedData("default-plan", async (): Promise<{ code: string; slug: string } | null> => {
  const code = process.env.DEFAULT_ORGANIZATION_CODE;
  const org = await db().organization.findFirst({
    where: code ? { code } : { plans: { some: PUBLIC_PLAN } },
    orderBy: [{ kind: "asc" }, { code: "asc" }],
    select: { code: true },
  });
  if (!org) return null;
  const withValues = { measures: { some: { series: { some: { values: { some: {} } } } } } };
  const plan =
    (await db().plan.findFirst({ where: { organization: { code: org.code }, ...PUBLIC_PLAN, ...withValues }, orderBy: { startYear: "desc" }, select: { slug: true } })) ??
    (await db().plan.findFirst({ where: { organization: { code: org.code }, ...PUBLIC_PLAN }, orderBy: { startYear: "desc" }, select: { slug: true } }));
  return plan ? { code: org.code, slug: plan.slug } : null;
});

/** Everything the overview of one plan needs, in a fixed number of queries whatever the number of KPIs. */
export const getPlanOverviewData = cachedData("plan-overview", async (code: string, slug: string, options: { withNarratives: boolean }) => {
  const plan = await db().plan.findFirst({
    where: { slug, organization: { code } },
    select: {
      id: true,
      slug: true,
      name: true,
      startYear: true,
      endYear: true,
      progressRule: true,
      progressSettings: true,
      status: true,
      organization: { select: { id: true, code: true, name: true, plans: { where: PUBLIC_PLAN, orderBy: { startYear: "desc" }, select: { slug: true, name: true, startYear: true, endYear: true } } } },
      sections: { orderBy: { sortOrder: "asc" }, select: { id: true, key: true, label: true, title: true, parentId: true } },
      ...openYearSelect,
    },
  });
  if (!plan) return null;
  const measures = await db().measure.findMany({ where: { planId: plan.id, retiredAt: null }, orderBy: { sortOrder: "asc" }, select: measureListSelect });
  // for the free-text search: the published narratives of every evaluation year (a plan has a few hundred)
  const narratives = options.withNarratives
    ? await db().sheetEntry.findMany({
        where: { measure: { planId: plan.id } },
        select: { measureId: true, evaluationYear: true, publishedEffortStatus: true, publishedIssues: true, publishedDirection: true },
      })
    : [];
  return { plan, measures, narratives };
});

export type PlanOverviewData = NonNullable<Awaited<ReturnType<typeof getPlanOverviewData>>>;

/** The plan's and organisation's names, for the page title: cached like the overview's data, so that a page
 *  rendered per request (signed in, filtered) does not pay a query for its title. */
export const getPlanTitle = cachedData("plan-title", async (code: string, slug: string) =>
  db().plan.findFirst({ where: { slug, organization: { code } }, select: { name: true, status: true, organizationId: true, organization: { select: { name: true } } } }),
);

/** The organisations with their plans, searchable by name or code, a page at a time (national scale). */
export async function listOrganizations(query: string | undefined, page: number) {
  const where = organizationSearchWhere(query);
  const [total, organizations] = await Promise.all([
    db().organization.count({ where }),
    db().organization.findMany({
      where,
      orderBy: [{ kind: "asc" }, { code: "asc" }],
      skip: (page - 1) * ORGANIZATIONS_PER_PAGE,
      take: ORGANIZATIONS_PER_PAGE,
      select: { code: true, name: true, kind: true, plans: { where: PUBLIC_PLAN, orderBy: { startYear: "desc" }, select: { slug: true, name: true, startYear: true, endYear: true } } },
    }),
  ]);
  return { total, organizations, page, pages: Math.max(1, Math.ceil(total / ORGANIZATIONS_PER_PAGE)) };
}

/** The latest fiscal year (up to the plan's end) with a numeric actual anywhere in the plan: what the evaluation-year
 *  rule (lib/plans/evaluation-year.ts resolveEvaluationYear) needs for the KPI page and print, as the overview does. */
export async function getPlanLatestActualYear(plan: { id: string; endYear: number }): Promise<number | null> {
  return (await getPlansLatestActualYears([plan.id])).get(plan.id) ?? null;
}

/** The same for several plans in one query (a department's page lists its KPIs of every plan, and shows each plan's
 *  year, not the year its own KPIs alone would give). Plans without a numeric actual are left out. */
export async function getPlansLatestActualYears(planIds: readonly string[]): Promise<Map<string, number>> {
  if (planIds.length === 0) return new Map();
  const rows = await db().$queryRaw<{ planId: string; latest: number | null }[]>`
    SELECT p.id AS "planId", ${latestActualYearSql(Prisma.sql`p.id`)} AS "latest" FROM "Plan" p WHERE p.id IN (${Prisma.join(planIds)})`;
  return new Map(rows.flatMap((r) => (r.latest === null ? [] : [[r.planId, Number(r.latest)] as const])));
}

/** That year as an SQL expression, so that a query can select it as a column (the KPI page's one-statement load):
 *  `planId` is the outer query's plan id column. */
export function latestActualYearSql(planId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT MAX(lv."fiscalYear")::int
    FROM "SeriesValue" lv
    JOIN "ValueSeries" ls ON ls.id = lv."seriesId"
    JOIN "Measure" lm ON lm.id = ls."measureId"
    JOIN "Plan" lp ON lp.id = lm."planId"
    WHERE lm."planId" = ${planId} AND lv.kind = 'actual' AND lv.value IS NOT NULL AND lv."fiscalYear" <= lp."endYear")`;
}
