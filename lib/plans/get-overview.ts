import "server-only";
import { getPlanOverviewData } from "./queries";
import { planRule } from "../measures/series-input";
import { buildRows, filterRows, sortRows, summarize } from "./overview";
import { latestActualYear, resolveEvaluationYear } from "./evaluation-year";
import { reconcileDivision, type OverviewFilters } from "./overview-filters";

/** The overview page of a plan: rows with statuses, filtered and sorted, the summary, and the filter options. */
export async function getPlanOverview(code: string, slug: string, requested: OverviewFilters) {
  const data = await getPlanOverviewData(code, slug, { withNarratives: Boolean(requested.q) });
  if (!data) return null;
  const { plan, measures } = data;
  const year = resolveEvaluationYear(plan, latestActualYear(plan, measures), requested.year);
  const narratives = data.narratives.filter((n) => n.evaluationYear === year);
  const narrativeMap = new Map(narratives.map((n) => [n.measureId, [n.publishedEffortStatus, n.publishedIssues, n.publishedDirection]]));
  const sections = plan.sections;
  const all = buildRows(measures, sections, planRule(plan), year);
  const departments = new Map<string, { id: string; name: string; divisions: Map<string, string> }>();
  for (const r of all)
    for (const o of r.owners) {
      if (!departments.has(o.departmentId)) departments.set(o.departmentId, { id: o.departmentId, name: o.department, divisions: new Map() });
      if (o.divisionId) departments.get(o.departmentId)!.divisions.set(o.divisionId, o.division!);
    }
  const departmentOptions = [...departments.values()].map((d) => ({ id: d.id, name: d.name, divisions: [...d.divisions].map(([id, name]) => ({ id, name })) }));
  const filters = reconcileDivision(requested, departmentOptions);
  const rows = sortRows(filterRows(all, sections, filters, narrativeMap), filters.sort, filters.dir);
  return {
    organization: { id: plan.organization.id, code: plan.organization.code, name: plan.organization.name },
    plan: { slug: plan.slug, name: plan.name, startYear: plan.startYear, endYear: plan.endYear, progressRule: plan.progressRule, progressSettings: plan.progressSettings, status: plan.status },
    otherPlans: plan.organization.plans,
    year,
    /** the filters as applied (a division outside the chosen department dropped) */
    filters,
    rows,
    total: all.length,
    summary: summarize(rows, sections),
    options: {
      sections: sections.map((s) => ({ key: s.key, title: [s.label, s.title].filter(Boolean).join(" "), depth: s.parentId ? 1 : 0 })),
      departments: departmentOptions,
      statuses: summarize(all, sections).statuses,
    },
  };
}

export type PlanOverview = NonNullable<Awaited<ReturnType<typeof getPlanOverview>>>;
