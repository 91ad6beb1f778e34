import "server-only";
import { db } from "../db";
import { measureSheetSelect } from "../measures/measure-select";
import type { SheetData } from "./print-sheet";
import { getPlanLatestActualYear } from "../plans/queries";
import { PUBLIC_PLAN } from "../plans/visibility";
import { openYearSelect } from "../plans/evaluation-year";
import type { Prisma } from "../generated/prisma/client";

// The same columns as the KPI page (getMeasurePageData), for every measure of a plan at once; the plan is
// loaded once and attached to each measure, so the pure view builders take them unchanged.
const printMeasureSelect = measureSheetSelect;

const printPlanSelect = {
  id: true,
  organizationId: true,
  slug: true,
  name: true,
  startYear: true,
  endYear: true,
  progressRule: true,
  progressSettings: true,
  status: true,
  printFormName: true,
  organization: { select: { code: true, name: true } },
  ...openYearSelect,
} satisfies Prisma.PlanSelect;

/**
 * Every measure of a plan with what its printed sheet needs, in a fixed number of queries whatever the number
 * of measures (one findMany; Prisma loads the nested relations per relation, not per row). With a department,
 * only the measures that department (or one of its divisions) owns, as the overview's department filter.
 */
export async function getPlanPrintData(code: string, slug: string, departmentId?: string) {
  const plan = await db().plan.findFirst({ where: { slug, organization: { code }, ...PUBLIC_PLAN }, select: printPlanSelect });
  if (!plan) return null;
  const department = departmentId
    ? await db().orgUnit.findFirst({ where: { id: departmentId, organizationId: plan.organizationId }, select: { id: true, name: true } })
    : null;
  const ownerFilter = departmentId ? { owners: { some: { OR: [{ unitId: departmentId }, { unit: { parentId: departmentId } }] } } } : {};
  const measures = await db().measure.findMany({
    where: { planId: plan.id, retiredAt: null, ...ownerFilter },
    orderBy: { sortOrder: "asc" },
    select: printMeasureSelect,
  });
  const planLatestYear = await getPlanLatestActualYear(plan);
  const pages: SheetData[] = measures.map((m) => ({ measure: { ...m, plan }, planLatestYear }));
  return { plan, department, departmentRequested: Boolean(departmentId), planLatestYear, measures: pages };
}

export type PlanPrintData = NonNullable<Awaited<ReturnType<typeof getPlanPrintData>>>;
