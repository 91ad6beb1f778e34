import "server-only";
import { cache } from "react";
import { db } from "../db";
import { measureListSelect, seriesSelect } from "./measure-select";
import { PUBLISHED_ENTRY } from "../export/dataset";
import { cachedData } from "../cache";

/** Everything the KPI page needs, in a fixed number of queries. */
// cached per request: the page and its metadata share one load
export const getMeasurePageData = cache((code: string, slug: string, number: string) => loadMeasurePageData(code, slug, number));

const loadMeasurePageData = cachedData("measure-page", async (code: string, slug: string, number: string) => {
  const measure = await db().measure.findFirst({
    where: { number, plan: { slug, organization: { code } } },
    select: {
      ...measureListSelect,
      footnote: true,
      notes: true,
      confidence: true,
      confidenceNote: true,
      sourceLineStart: true,
      sourceLineEnd: true,
      sourceDocument: { select: { fileName: true, title: true } },
      section: { select: { key: true, label: true, title: true, parent: { select: { key: true, label: true, title: true } } } },
      plan: { select: { id: true, organizationId: true, slug: true, name: true, startYear: true, endYear: true, progressRule: true, organization: { select: { code: true, name: true } } } },
      series: {
        orderBy: { sortOrder: "asc" },
        select: {
          ...seriesSelect,
          chartLabels: true,
          values: { orderBy: [{ kind: "asc" }, { fiscalYear: "asc" }], select: { kind: true, fiscalYear: true, value: true, text: true, label: true, period: true, asOf: true, note: true } },
        },
      },
      entries: {
        where: PUBLISHED_ENTRY,
        orderBy: { evaluationYear: "asc" },
        select: {
          evaluationYear: true,
          publishedEffortStatus: true,
          publishedIssues: true,
          publishedDirection: true,
          sourceLineStart: true,
          sourceLineEnd: true,
          sourceDocument: { select: { fileName: true } },
        },
      },
    },
  });
  if (!measure) return null;
  const siblings = await db().measure.findMany({
    where: { planId: measure.plan.id },
    orderBy: { sortOrder: "asc" },
    select: { number: true, name: true },
  });
  const at = siblings.findIndex((s) => s.number === measure.number);
  // the plan's evaluation year, as on the overview: the latest year with a numeric actual in the plan
  const latest = await db().seriesValue.aggregate({
    _max: { fiscalYear: true },
    where: { kind: "actual", value: { not: null }, fiscalYear: { lte: measure.plan.endYear }, series: { measure: { planId: measure.plan.id } } },
  });
  return { measure, previous: siblings[at - 1] ?? null, next: siblings[at + 1] ?? null, planLatestYear: latest._max.fiscalYear };
});

export type MeasurePageData = NonNullable<Awaited<ReturnType<typeof getMeasurePageData>>>;
