// The deadlines of one plan's evaluation year, loaded once (three small queries whatever the number of sheets):
// the year's row, its extensions, and the organisation's unit tree for a department's extension to cover its 課.
import type { PrismaClient } from "../generated/prisma/client";
import type { Tx } from "../actions/transaction";
import { effectiveDeadline, type Extension } from "./deadlines";

export type YearDeadlines = {
  evaluationYearId: string | null;
  status: "open" | "closed" | null;
  /** the year's own deadline (null: none set) */
  yearDeadline: Date | null;
  extensions: (Extension & { id: string })[];
  /** the deadline that holds for one KPI's sheet */
  deadlineFor: (measureId: string, ownerUnitIds: string[]) => Date | null;
};

export async function loadYearDeadlines(client: PrismaClient | Tx, planId: string, fiscalYear: number): Promise<YearDeadlines> {
  const year = await client.evaluationYear.findUnique({
    where: { planId_fiscalYear: { planId, fiscalYear } },
    select: { id: true, status: true, deadline: true, plan: { select: { organizationId: true } }, extensions: { select: { id: true, unitId: true, measureId: true, deadline: true } } },
  });
  if (!year) return { evaluationYearId: null, status: null, yearDeadline: null, extensions: [], deadlineFor: () => null };
  const units = year.extensions.some((e) => e.unitId)
    ? await client.orgUnit.findMany({ where: { organizationId: year.plan.organizationId }, select: { id: true, parentId: true } })
    : [];
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  return {
    evaluationYearId: year.id,
    status: year.status,
    yearDeadline: year.deadline,
    extensions: year.extensions,
    deadlineFor: (measureId, ownerUnitIds) => effectiveDeadline(year.deadline, year.extensions, { measureId, ownerUnitIds, parentOf: (u) => parents.get(u) }),
  };
}
