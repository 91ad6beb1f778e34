import "server-only";
// What the officer's sheet page shows around the form: the KPI's earlier years and targets (the KPI page's own
// values table), the published narratives beside the draft, the deadline that holds for this sheet, and the
// inputs of the live status preview (the plan's rule, each series without this year's actual). Three queries.
import { db } from "../db";
import { seriesSelect } from "../measures/measure-select";
import { planRule, toSeriesInput } from "../measures/series-input";
import { buildTrend } from "../measures/trend";
import { loadYearDeadlines } from "../evaluation/sheet-deadlines";

export async function getSheetEditContext(measure: { id: string; planId: string; ownerUnitIds: string[] }, year: number) {
  const [row, published, deadlines] = await Promise.all([
    db().measure.findUniqueOrThrow({
      where: { id: measure.id },
      select: { kind: true, plan: { select: { progressRule: true, progressSettings: true, startYear: true, endYear: true } }, series: { orderBy: { sortOrder: "asc" }, select: { id: true, ...seriesSelect } } },
    }),
    // this year's published text, or (for a year not yet published) the latest earlier one
    db().sheetEntry.findFirst({
      where: { measureId: measure.id, evaluationYear: { lte: year }, OR: [{ publishedAt: { not: null } }, { publishedEffortStatus: { not: null } }] },
      orderBy: { evaluationYear: "desc" },
      select: { evaluationYear: true, publishedEffortStatus: true, publishedIssues: true, publishedDirection: true },
    }),
    loadYearDeadlines(db(), measure.planId, year),
  ]);
  const deadline = deadlines.deadlineFor(measure.id, measure.ownerUnitIds);
  return {
    trend: buildTrend(row.series),
    published: published && { evaluationYear: published.evaluationYear, effortStatus: published.publishedEffortStatus, issues: published.publishedIssues, direction: published.publishedDirection },
    deadline,
    extended: deadline !== null && deadlines.yearDeadline !== null && deadline > deadlines.yearDeadline,
    preview: {
      kind: row.kind,
      rule: planRule(row.plan),
      // the typed value takes this year's place in the preview
      series: row.series.map((s) => ({ seriesId: s.id, input: { ...toSeriesInput(s), actuals: toSeriesInput(s).actuals.filter((a) => a.year !== year) } })),
    },
  };
}

export type SheetEditContext = Awaited<ReturnType<typeof getSheetEditContext>>;
