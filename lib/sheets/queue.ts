import "server-only";
// The planning division's approval queue (承認キュー) of one plan's evaluation year: every KPI's sheet with its
// state and its deadline, submitted sheets first, counts by state and by department, filtered. A fixed number of
// queries whatever the number of KPIs: the plan, the KPIs with their sheet of the year, the year's deadlines.
import { db } from "../db";
import { can, type Actor } from "../authz/permissions";
import { deadlineState, type DeadlineState } from "../evaluation/deadlines";
import { loadYearDeadlines } from "../evaluation/sheet-deadlines";
import { STATE_LABELS, type SheetStateKey } from "./state-labels";
import { QUEUE_STATE_ORDER, type QueueFilters } from "./queue-filters";
import { openEvaluationYear } from "../plans/evaluation-year";

export type QueueRow = {
  measureId: string;
  number: string;
  name: string;
  departmentIds: string[];
  department: string;
  division: string;
  state: SheetStateKey;
  deadline: Date | null;
  deadlineState: DeadlineState;
  submittedAt: Date | null;
  updatedAt: Date | null;
  updatedBy: string | null;
  returnReason: string | null;
};

export async function getApprovalQueue(user: Actor, code: string, slug: string, filters: QueueFilters, now = new Date()) {
  const orgIds = user.memberships.map((m) => m.organizationId);
  const plan = await db().plan.findFirst({
    where: { slug, organization: { code, id: { in: orgIds } } },
    select: { id: true, slug: true, name: true, startYear: true, endYear: true, organizationId: true, organization: { select: { code: true, name: true } }, evaluationYears: { orderBy: { fiscalYear: "desc" }, select: { fiscalYear: true, status: true } } },
  });
  // another organisation's plan, and a plan that does not exist, look the same: nothing to say about it
  if (!plan || !can(user, "sheet.approve", { organizationId: plan.organizationId })) return { forbidden: true as const };
  const years = plan.evaluationYears;
  const year =
    filters.year !== undefined && years.some((y) => y.fiscalYear === filters.year) ? filters.year : (openEvaluationYear(plan) ?? years[0]?.fiscalYear ?? null);
  const base = { forbidden: false as const, plan, years, year };
  if (year === null) return { ...base, rows: [], total: 0, counts: countByState([]), departments: [], overdue: 0 };

  const [measures, deadlines] = await Promise.all([
    db().measure.findMany({
      where: { planId: plan.id, kind: "kpi", retiredAt: null },
      orderBy: { sortOrder: "asc" },
      select: {
        id: true,
        number: true,
        name: true,
        owners: { orderBy: { sortOrder: "asc" }, select: { unitId: true, unit: { select: { id: true, name: true, parent: { select: { id: true, name: true } } } } } },
        entries: { where: { evaluationYear: year }, select: { state: true, submittedAt: true, updatedAt: true, returnReason: true, updatedBy: { select: { name: true } } } },
      },
    }),
    loadYearDeadlines(db(), plan.id, year),
  ]);
  const all: QueueRow[] = measures.map((m) => {
    const entry = m.entries[0] ?? null;
    const state: SheetStateKey = entry?.state ?? "none";
    const deadline = deadlines.deadlineFor(m.id, m.owners.map((o) => o.unitId));
    const departments = m.owners.map((o) => o.unit.parent ?? o.unit);
    return {
      measureId: m.id,
      number: m.number,
      name: m.name,
      departmentIds: [...new Set(departments.map((d) => d.id))],
      department: [...new Set(departments.map((d) => d.name))].join("・"),
      division: m.owners.flatMap((o) => (o.unit.parent ? [o.unit.name] : [])).join("・"),
      state,
      deadline,
      // a closed year takes no more submissions: nothing in it is overdue any more
      deadlineState: deadlines.status === "open" ? deadlineState(deadline, now, state) : "none",
      submittedAt: state === "submitted" ? (entry?.submittedAt ?? null) : null,
      updatedAt: entry?.updatedAt ?? null,
      updatedBy: entry?.updatedBy?.name ?? null,
      returnReason: state === "returned" ? (entry?.returnReason ?? null) : null,
    };
  });

  const rank = (r: QueueRow) => QUEUE_STATE_ORDER.indexOf(r.state);
  const rows = all
    .filter((r) => !filters.state || r.state === filters.state)
    .filter((r) => !filters.department || r.departmentIds.includes(filters.department))
    .filter((r) => !filters.overdue || r.deadlineState === "overdue")
    .map((r, i) => ({ r, i }))
    // submitted: the longest waiting first; otherwise overdue first, then the plan's order
    .sort((a, b) => rank(a.r) - rank(b.r) || (a.r.submittedAt?.getTime() ?? 0) - (b.r.submittedAt?.getTime() ?? 0) || overdueFirst(a.r, b.r) || a.i - b.i)
    .map(({ r }) => r);

  const byDepartment = new Map<string, { id: string; name: string; rows: QueueRow[] }>();
  for (const m of measures)
    for (const o of m.owners) {
      const d = o.unit.parent ?? o.unit;
      if (!byDepartment.has(d.id)) byDepartment.set(d.id, { id: d.id, name: d.name, rows: [] });
    }
  for (const r of all) for (const id of r.departmentIds) byDepartment.get(id)?.rows.push(r);
  const departments = [...byDepartment.values()].map((d) => ({ id: d.id, name: d.name, total: d.rows.length, counts: countByState(d.rows), overdue: d.rows.filter((r) => r.deadlineState === "overdue").length }));

  return { ...base, rows, total: all.length, counts: countByState(all), departments, overdue: all.filter((r) => r.deadlineState === "overdue").length };
}

const overdueFirst = (a: QueueRow, b: QueueRow) => Number(b.deadlineState === "overdue") - Number(a.deadlineState === "overdue");

function countByState(rows: QueueRow[]) {
  return QUEUE_STATE_ORDER.map((state) => ({ state, label: STATE_LABELS[state], count: rows.filter((r) => r.state === state).length }));
}

export type ApprovalQueue = Extract<Awaited<ReturnType<typeof getApprovalQueue>>, { forbidden: false }>;
