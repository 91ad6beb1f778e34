import "server-only";
// The planning division's review of one sheet (承認前の確認): what the sheet changes against what is published —
// each value old → new per series and year, each narrative old and new — who submitted it and when, and the
// workflow state. Planning division of the KPI's organisation only. A fixed number of queries.
import { db } from "../db";
import { can, type Actor } from "../authz/permissions";
import { CHANNEL_LABELS } from "../audit/channels";
import { openEvaluationYear } from "../plans/evaluation-year";
import { loadYearDeadlines } from "../evaluation/sheet-deadlines";
import { deadlineState } from "../evaluation/deadlines";
import { narrativeChanges, valueChanges } from "./sheet-changes";
import type { SheetStateKey } from "./state-labels";

const str = (v: { toString(): string } | null) => (v === null ? null : v.toString());

export async function getSheetReview(user: Actor, code: string, slug: string, number: string, requestedYear?: number, now = new Date()) {
  const orgIds = user.memberships.map((m) => m.organizationId);
  const measure = await db().measure.findFirst({
    where: { number, plan: { slug, organization: { code, id: { in: orgIds } } } },
    select: {
      id: true,
      number: true,
      name: true,
      owners: { orderBy: { sortOrder: "asc" }, select: { unitId: true, unit: { select: { name: true, parent: { select: { name: true } } } } } },
      plan: { select: { id: true, slug: true, name: true, organizationId: true, evaluationYears: { orderBy: { fiscalYear: "desc" }, select: { fiscalYear: true, status: true } } } },
      series: { orderBy: { sortOrder: "asc" }, select: { id: true, label: true, unit: true, values: { where: { kind: "actual" }, select: { fiscalYear: true, value: true, text: true } } } },
    },
  });
  // another organisation's KPI, and one that does not exist, look the same
  if (!measure || !can(user, "sheet.approve", { organizationId: measure.plan.organizationId })) return { forbidden: true as const };
  const years = measure.plan.evaluationYears;
  const year = requestedYear !== undefined && years.some((y) => y.fiscalYear === requestedYear) ? requestedYear : (openEvaluationYear(measure.plan) ?? years[0]?.fiscalYear ?? null);
  const ownerUnitIds = measure.owners.map((o) => o.unitId);
  const [entry, deadlines] = await Promise.all([
    year === null
      ? null
      : db().sheetEntry.findUnique({
          where: { measureId_evaluationYear: { measureId: measure.id, evaluationYear: year } },
          select: {
            id: true,
            state: true,
            version: true,
            effortStatus: true,
            issues: true,
            direction: true,
            publishedEffortStatus: true,
            publishedIssues: true,
            publishedDirection: true,
            publishedAt: true,
            returnReason: true,
            submittedAt: true,
            updatedAt: true,
            updatedVia: true,
            updatedBy: { select: { name: true } },
            draftValues: { select: { seriesId: true, fiscalYear: true, value: true, text: true } },
          },
        }),
    year === null ? null : loadYearDeadlines(db(), measure.plan.id, year),
  ]);
  const state: SheetStateKey = entry?.state ?? "none";
  const series = measure.series.map((s) => ({ id: s.id, label: s.label, unit: s.unit }));
  const published = measure.series.flatMap((s) => s.values.map((v) => ({ seriesId: s.id, fiscalYear: v.fiscalYear, value: str(v.value), text: v.text })));
  const drafts = (entry?.draftValues ?? []).map((v) => ({ seriesId: v.seriesId, fiscalYear: v.fiscalYear, value: str(v.value), text: v.text }));
  // a published sheet has no draft left: nothing changes until the department edits it again
  const values = state === "published" ? [] : valueChanges(series, published, drafts);
  const narratives =
    entry && state !== "published"
      ? narrativeChanges({ effortStatus: entry.publishedEffortStatus, issues: entry.publishedIssues, direction: entry.publishedDirection }, entry)
      : [];
  const deadline = deadlines?.deadlineFor(measure.id, ownerUnitIds) ?? null;
  return {
    forbidden: false as const,
    measure: { id: measure.id, number: measure.number, name: measure.name },
    owners: measure.owners.map((o) => [o.unit.parent?.name, o.unit.name].filter(Boolean).join(" ")).join("、"),
    plan: measure.plan,
    year,
    yearOpen: years.find((y) => y.fiscalYear === year)?.status === "open",
    state,
    version: entry?.version ?? 0,
    submittedBy: entry?.updatedBy?.name ?? null,
    submittedAt: entry?.submittedAt ?? null,
    updatedAt: entry?.updatedAt ?? null,
    channel: entry?.updatedVia ? (CHANNEL_LABELS[entry.updatedVia] ?? null) : null,
    returnReason: state === "returned" ? (entry?.returnReason ?? null) : null,
    // a seeded sheet carries its published text without a publishedAt
    everPublished: Boolean(entry && (entry.publishedAt || entry.publishedEffortStatus || entry.publishedIssues || entry.publishedDirection)),
    deadline,
    deadlineState: deadlines?.status === "open" ? deadlineState(deadline, now, state) : ("none" as const),
    values,
    narratives,
    canDecide: state === "submitted" && can(user, "sheet.return", { organizationId: measure.plan.organizationId }),
  };
}

export type SheetReview = Extract<Awaited<ReturnType<typeof getSheetReview>>, { forbidden: false }>;
