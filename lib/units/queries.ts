import "server-only";
import { cache } from "react";
import { db } from "../db";
import { measureListSelect } from "../measures/measure-select";
import { planRule } from "../measures/series-input";
import { buildRows } from "../plans/overview";
import { cachedData } from "../cache";
import { PUBLIC_PLAN } from "../plans/visibility";
import { openYearSelect, resolveEvaluationYear } from "../plans/evaluation-year";
import { getPlansLatestActualYears } from "../plans/queries";

/** A department's (or division's) page: its KPIs across every plan of the organisation, with statuses. */
// cached per request: the page and its metadata share one load
export const getUnitPage = cache((code: string, unitId: string) => loadUnitPage(code, unitId));

const loadUnitPage = cachedData("unit-page", async (code: string, unitId: string) => {
  const unit = await db().orgUnit.findFirst({
    where: { id: unitId, organization: { code } },
    select: { id: true, name: true, parent: { select: { id: true, name: true } }, children: { orderBy: { name: "asc" }, select: { id: true, name: true } }, organization: { select: { code: true, name: true } } },
  });
  if (!unit) return null;
  const unitIds = [unit.id, ...unit.children.map((c) => c.id)];
  const measures = await db().measure.findMany({
    where: { owners: { some: { unitId: { in: unitIds } } }, retiredAt: null },
    orderBy: [{ plan: { startYear: "desc" } }, { sortOrder: "asc" }],
    select: { ...measureListSelect, planId: true },
  });
  const planIds = [...new Set(measures.map((m) => m.planId))];
  const plans = await db().plan.findMany({
    // a plan being set up (準備中) is not listed on the public unit page
    where: { id: { in: planIds }, ...PUBLIC_PLAN },
    orderBy: { startYear: "desc" },
    select: { id: true, slug: true, name: true, startYear: true, endYear: true, progressRule: true, progressSettings: true, sections: { select: { id: true, key: true, label: true, title: true, parentId: true } }, ...openYearSelect },
  });
  // each plan's own year (its open one, else its latest actual across all its KPIs): the year its overview shows
  const latest = await getPlansLatestActualYears(plans.map((p) => p.id));
  return {
    unit,
    plans: plans.map((p) => {
      const own = measures.filter((m) => m.planId === p.id);
      const year = resolveEvaluationYear(p, latest.get(p.id) ?? null);
      return { slug: p.slug, name: p.name, startYear: p.startYear, endYear: p.endYear, year, rows: buildRows(own, p.sections, planRule(p), year) };
    }),
  };
});
