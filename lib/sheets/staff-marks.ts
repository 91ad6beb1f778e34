import "server-only";
// The staff view of a plan's overview: each KPI's sheet state in the open evaluation year and where it stands
// against the deadline that holds for it (期限超過 / 期限間近). Only for the organisation's own staff (not its
// committee members, not anonymous readers: they never reach this, so the anonymous page cache is untouched).
// Four small queries whatever the number of KPIs.
import { db } from "../db";
import { canRead, type Actor } from "../authz/permissions";
import { daysLeft, deadlineState, type DeadlineState } from "../evaluation/deadlines";
import { loadYearDeadlines } from "../evaluation/sheet-deadlines";
import { STATE_LABELS, type SheetStateKey } from "./queries";

export type SheetMark = { state: SheetStateKey; stateLabel: string; deadline: DeadlineState; daysLeft: number | null };
export type SheetMarks = { fiscalYear: number; marks: Record<string, SheetMark> };

export async function getStaffSheetMarks(user: Actor | null, code: string, slug: string, now = new Date()): Promise<SheetMarks | null> {
  if (!user) return null;
  const plan = await db().plan.findFirst({
    where: { slug, organization: { code } },
    select: { id: true, organizationId: true, evaluationYears: { where: { status: "open" }, orderBy: { fiscalYear: "desc" }, take: 1, select: { fiscalYear: true } } },
  });
  if (!plan || !canRead(user, "staff.view", plan.organizationId)) return null;
  const year = plan.evaluationYears[0]?.fiscalYear;
  if (year === undefined) return null;
  const [deadlines, measures] = await Promise.all([
    loadYearDeadlines(db(), plan.id, year),
    db().measure.findMany({
      where: { planId: plan.id, kind: "kpi", retiredAt: null },
      select: { id: true, owners: { select: { unitId: true } }, entries: { where: { evaluationYear: year }, select: { state: true } } },
    }),
  ]);
  const marks: Record<string, SheetMark> = {};
  for (const m of measures) {
    const state: SheetStateKey = m.entries[0]?.state ?? "none";
    const deadline = deadlines.deadlineFor(m.id, m.owners.map((o) => o.unitId));
    marks[m.id] = { state, stateLabel: STATE_LABELS[state], deadline: deadlineState(deadline, now, state), daysLeft: deadline ? daysLeft(deadline, now) : null };
  }
  return { fiscalYear: year, marks };
}
