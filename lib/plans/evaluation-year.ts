// A plan's open evaluation year (受付中の評価年度): the year its pages open on by default
// (lib/plans/overview.ts resolveEvaluationYear), the queue's year, the year officers update.

/** An evaluation year as a query selected it: with its status, or without one when the query selected only the
 *  open years (where: { status: "open" }). */
export type YearRow = { fiscalYear: number; status?: string };

/** The latest open evaluation year of the plan, or null when none is open. */
export function openEvaluationYear(plan: { evaluationYears: readonly YearRow[] }): number | null {
  let open: number | null = null;
  for (const y of plan.evaluationYears) if ((y.status === undefined || y.status === "open") && (open === null || y.fiscalYear > open)) open = y.fiscalYear;
  return open;
}

/** What a plan query selects to know its open year (one small relation, whatever the number of KPIs). */
export const openYearSelect = { evaluationYears: { where: { status: "open" as const }, select: { fiscalYear: true, status: true } } };
