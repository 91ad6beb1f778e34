// The evaluation year of a plan — the one home of the rule. Its open evaluation year (受付中の評価年度: the queue's
// year, the year officers update), and the year every page of the plan shows (resolveEvaluationYear): the overview,
// the KPI page, a department's page, print and the exports. Each asks with the latest actual year of the whole plan
// (a department's page too, through getPlansLatestActualYears), never of a subset of its KPIs, so that every page
// of a plan opens on the same year. Pure.
import { isActual } from "../measures/series-input";
import type { MeasureListRow } from "../measures/measure-select";

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

type PlanSpan = { startYear: number; endYear: number };
/** A plan as the default year needs it: its span and, where the query selected them (openYearSelect), its open years. */
type PlanYears = PlanSpan & { evaluationYears?: readonly YearRow[] };
type ActualsOf = { series: { values: { value: unknown; fiscalYear: number; kind?: string }[] }[] };

/** The latest fiscal year up to the plan's end with a numeric value among these (actual) values, or null. */
export function latestActualYear(plan: PlanSpan, measures: ActualsOf[]): number | null {
  let latest: number | null = null;
  for (const m of measures) for (const s of m.series) for (const v of s.values) if (isActual(v) && v.value !== null && v.fiscalYear <= plan.endYear && (latest === null || v.fiscalYear > latest)) latest = v.fiscalYear;
  return latest;
}

/**
 * The evaluation year a page shows — one rule for the overview, the KPI page, a department's page, print and the exports: the
 * requested year when it is within the plan (or the year before it), else the plan's open evaluation year
 * (受付中: the year being reported, even before any value of it is approved), else the latest year with a
 * numeric actual in the plan, else the plan's last year.
 */
export function resolveEvaluationYear(plan: PlanYears, latestYear: number | null, requested?: number): number {
  const within = (y: number | null | undefined): y is number => y !== null && y !== undefined && Number.isInteger(y) && y >= plan.startYear - 1 && y <= plan.endYear;
  if (within(requested)) return requested;
  const open = plan.evaluationYears ? openEvaluationYear({ evaluationYears: plan.evaluationYears }) : null;
  if (within(open)) return open;
  return latestYear !== null && latestYear >= plan.startYear ? latestYear : plan.endYear;
}

/** The evaluation year shown by default: the open one, else the latest year with a numeric actual, within the plan's
 *  span. `measures`: every KPI of the plan (a subset, one department's, could name another year than the plan's). */
export function defaultEvaluationYear(plan: PlanYears, measures: MeasureListRow[]): number {
  return resolveEvaluationYear(plan, latestActualYear(plan, measures));
}
