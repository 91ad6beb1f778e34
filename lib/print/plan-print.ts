// A whole plan (or one department's part of it) for printing: a cover, the contents with page numbers, then
// one sheet per page, all for the same evaluation year. Pure.
import { latestActualYear, resolveEvaluationYear, type YearRow } from "../plans/evaluation-year";
import { buildPrintSheet, type PrintSheet, type SheetData } from "./print-sheet";
import { paginateContents, type ContentsPage } from "./layout";

type PlanRef = { startYear: number; endYear: number; evaluationYears?: readonly YearRow[] };
export type ContentsItem = { number: string; name: string; owners: string };

/**
 * The requested evaluation year when it is within the plan (or the year before it), else the overview's default:
 * the plan's open evaluation year, else the latest year with a numeric actual in the plan.
 */
export function planEvaluationYear(plan: PlanRef, planLatestYear: number | null, measures: SheetData[], requested?: number): number {
  const actuals = (d: SheetData) => ({ series: d.measure.series.map((s) => ({ values: s.values.filter((v) => v.kind === "actual") })) });
  return resolveEvaluationYear(plan, planLatestYear ?? latestActualYear(plan, measures.map(actuals)), requested);
}

export function buildPlanPrint(plan: PlanRef, planLatestYear: number | null, measures: SheetData[], requestedYear?: number) {
  const year = planEvaluationYear(plan, planLatestYear, measures, requestedYear);
  const sheets: PrintSheet[] = measures.map((d) => buildPrintSheet(d, year));
  const items: ContentsItem[] = sheets.map((s) => ({
    number: s.number,
    name: s.name,
    owners: s.ownerLabel,
  }));
  const contents: ContentsPage<ContentsItem>[] = items.length ? paginateContents(items) : [];
  return { year, sheets, contents, firstSheetPage: 2 + contents.length, totalPages: 1 + contents.length + sheets.length };
}

export type PlanPrint = ReturnType<typeof buildPlanPrint>;
