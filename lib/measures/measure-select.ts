// The columns a status needs, selected the same way by every page that lists measures (one query for all
// rows: Prisma loads the nested relations with a constant number of queries, not one per measure).
import type { Prisma } from "../generated/prisma/client";
import { PUBLISHED_ENTRY } from "../export/published";

export const seriesSelect = {
  label: true,
  unit: true,
  sortOrder: true,
  baselineYear: true,
  baselineYearLabel: true,
  baselineValue: true,
  baselineText: true,
  targetKind: true,
  targetDirection: true,
  targetYear: true,
  targetValue: true,
  targetText: true,
  targetPeriodStart: true,
  targetPeriodEnd: true,
  comparisonValue: true,
  comparisonText: true,
  aggregation: true,
  countsWithinPeriod: true,
  // the actuals, and the plan's yearly targets (the expected path of lib/progress/path.ts): split by kind in
  // lib/measures/series-input.ts
  values: {
    where: { kind: { in: ["actual", "target"] } },
    orderBy: { fiscalYear: "asc" },
    select: { kind: true, fiscalYear: true, value: true, text: true, label: true, period: true, asOf: true, note: true },
  },
} satisfies Prisma.ValueSeriesSelect;

export const measureListSelect = {
  id: true,
  number: true,
  name: true,
  kind: true,
  sortOrder: true,
  sectionId: true,
  owners: {
    orderBy: { sortOrder: "asc" },
    select: { unit: { select: { id: true, name: true, parent: { select: { id: true, name: true } } } } },
  },
  series: { orderBy: { sortOrder: "asc" }, select: seriesSelect },
  // in year order: the KPI page falls back to the latest rating (.at(-1)) for a year without one
  officialRatings: { orderBy: { evaluationYear: "asc" }, select: { evaluationYear: true, rating: true, reason: true } },
} satisfies Prisma.MeasureSelect;

export type MeasureListRow = Prisma.MeasureGetPayload<{ select: typeof measureListSelect }>;
export type SeriesRow = MeasureListRow["series"][number];

/** Everything a KPI sheet shows (the KPI page and the printed sheet): all yearly cells and the published entries. */
export const measureSheetSelect = {
  ...measureListSelect,
  footnote: true,
  notes: true,
  confidence: true,
  confidenceNote: true,
  sourceLineStart: true,
  sourceLineEnd: true,
  sourceDocument: { select: { fileName: true, title: true } },
  retiredAt: true,
  /** the same KPI in the previous period's plan (loaded on its own only when there is one) */
  predecessorId: true,
  updatedVia: true,
  updatedById: true,
  updatedAt: true,
  section: { select: { key: true, label: true, title: true, parent: { select: { key: true, label: true, title: true } } } },
  series: {
    orderBy: { sortOrder: "asc" },
    select: {
      ...seriesSelect,
      chartLabels: true,
      // enteredVia/enteredById/updatedAt: where a value entered in the app came from (lib/measures/provenance.ts)
      values: { orderBy: [{ kind: "asc" }, { fiscalYear: "asc" }], select: { kind: true, fiscalYear: true, value: true, text: true, label: true, period: true, asOf: true, note: true, enteredVia: true, enteredById: true, updatedAt: true } },
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
      sourceDocument: { select: { fileName: true, title: true } },
      updatedVia: true,
      publishedAt: true,
      publishedBy: { select: { name: true } },
    },
  },
} satisfies Prisma.MeasureSelect;
