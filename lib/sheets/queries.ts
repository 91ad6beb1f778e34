import "server-only";
import { db } from "../db";
import { can, grantedUnitIds, organizationsWhereCanRead, organizationsWithGrant, type Actor } from "../authz/permissions";
import { deadlineState } from "../evaluation/deadlines";
import { loadYearDeadlines } from "../evaluation/sheet-deadlines";

import { openEvaluationYear } from "../plans/evaluation-year";
import { STATE_LABELS, type SheetStateKey } from "./state-labels";
export { STATE_LABELS, type SheetStateKey };

/** What is missing before a sheet can be submitted. */
export function missingItems(entry: { effortStatus: string | null; issues: string | null; direction: string | null } | null, valueFilled: boolean): string[] {
  const missing: string[] = [];
  if (!entry?.effortStatus) missing.push("取組状況");
  if (!entry?.issues) missing.push("課題等");
  if (!entry?.direction) missing.push("今後の方向性");
  if (!valueFilled) missing.push("実績値");
  return missing;
}

/**
 * The sheets of every open evaluation year that the user must update (officer: their units' KPIs) or
 * oversee (admin: every department's), with each sheet's deadline and where it stands against it, in a fixed
 * number of queries per open year (not per sheet).
 */
export async function getWorkList(user: Actor, now = new Date()) {
  const orgIds = organizationsWhereCanRead(user, "work.view");
  const years = await db().evaluationYear.findMany({
    where: { status: "open", plan: { organizationId: { in: orgIds } } },
    select: { fiscalYear: true, deadline: true, plan: { select: { id: true, slug: true, name: true, organizationId: true, organization: { select: { code: true, name: true } } } } },
  });
  const deadlines = await Promise.all(years.map((y) => loadYearDeadlines(db(), y.plan.id, y.fiscalYear)));
  const unitIds = grantedUnitIds(user, "sheet.edit");
  const adminOrgs = organizationsWithGrant(user, "sheet.viewDraft");
  const measures = await db().measure.findMany({
    where: {
      kind: "kpi",
      retiredAt: null,
      planId: { in: years.map((y) => y.plan.id) },
      OR: [{ plan: { organizationId: { in: adminOrgs } } }, { owners: { some: { unitId: { in: unitIds } } } }],
    },
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      number: true,
      name: true,
      planId: true,
      owners: { select: { unitId: true, unit: { select: { name: true, parent: { select: { name: true } } } } } },
      series: { select: { id: true, values: { select: { fiscalYear: true, value: true, text: true }, where: { kind: "actual" } } } },
      entries: { select: { evaluationYear: true, state: true, effortStatus: true, issues: true, direction: true, updatedAt: true, returnReason: true, draftValues: { select: { seriesId: true } } } },
    },
  });
  return years.map((y, i) => ({
    fiscalYear: y.fiscalYear,
    deadline: y.deadline,
    plan: y.plan,
    sheets: measures
      .filter((m) => m.planId === y.plan.id)
      .map((m) => {
        const entry = m.entries.find((e) => e.evaluationYear === y.fiscalYear) ?? null;
        // a sheet published before this round (the seed) counts as not started for this round's edits
        const state: SheetStateKey = entry ? entry.state : "none";
        const deadline = deadlines[i].deadlineFor(m.id, m.owners.map((o) => o.unitId));
        const valueFilled = m.series.every((s) => entry?.draftValues.some((d) => d.seriesId === s.id) || s.values.some((v) => v.fiscalYear === y.fiscalYear && (v.value !== null || v.text !== null)));
        return {
          measureId: m.id,
          number: m.number,
          name: m.name,
          department: m.owners.map((o) => o.unit.parent?.name ?? o.unit.name).filter((v, i, a) => a.indexOf(v) === i).join("・"),
          division: m.owners.map((o) => (o.unit.parent ? o.unit.name : null)).filter(Boolean).join("・"),
          state,
          stateLabel: STATE_LABELS[state],
          updatedAt: entry?.updatedAt ?? null,
          returnReason: entry?.state === "returned" ? entry.returnReason : null,
          missing: missingItems(entry, valueFilled),
          deadline,
          deadlineState: deadlineState(deadline, now, state),
          canEdit: can(user, "sheet.edit", { organizationId: y.plan.organizationId, ownerUnitIds: m.owners.map((o) => o.unitId) }),
          canApprove: can(user, "sheet.approve", { organizationId: y.plan.organizationId }),
        };
      }),
  }));
}

/** The edit page of one sheet: current (draft) content, the year's values, workflow and permissions. */
export async function getSheetEditData(user: Actor, code: string, slug: string, number: string, requestedYear?: number) {
  const orgIds = user.memberships.map((m) => m.organizationId);
  const measure = await db().measure.findFirst({
    where: { number, plan: { slug, organization: { code, id: { in: orgIds } } } },
    select: {
      id: true,
      number: true,
      name: true,
      owners: { select: { unitId: true, unit: { select: { name: true, parent: { select: { name: true } } } } } },
      plan: { select: { id: true, slug: true, name: true, organizationId: true, organization: { select: { code: true, name: true } }, evaluationYears: { orderBy: { fiscalYear: "desc" } } } },
      series: { orderBy: { sortOrder: "asc" }, select: { id: true, label: true, unit: true, values: { where: { kind: "actual" }, select: { fiscalYear: true, value: true, text: true } } } },
    },
  });
  if (!measure) return null;
  const resource = { organizationId: measure.plan.organizationId, ownerUnitIds: measure.owners.map((o) => o.unitId) };
  if (!can(user, "sheet.viewDraft", resource)) return { forbidden: true as const, measure: { name: measure.name, number: measure.number } };
  // ?year= arrives as Number(text): NaN or a fraction is no year (it would reach the query and fail)
  const requested = requestedYear !== undefined && Number.isInteger(requestedYear) ? requestedYear : undefined;
  const year = requested ?? openEvaluationYear(measure.plan) ?? measure.plan.evaluationYears[0]?.fiscalYear ?? null;
  const entry = year === null ? null : await db().sheetEntry.findUnique({
    where: { measureId_evaluationYear: { measureId: measure.id, evaluationYear: year } },
    include: { draftValues: true, updatedBy: { select: { name: true } } },
  });
  const evaluation = measure.plan.evaluationYears.find((y) => y.fiscalYear === year) ?? null;
  return {
    forbidden: false as const,
    measure,
    year,
    evaluation,
    entry,
    values: measure.series.map((s) => {
      const draft = entry?.draftValues.find((d) => d.seriesId === s.id && d.fiscalYear === year);
      const published = s.values.find((v) => v.fiscalYear === year);
      return { seriesId: s.id, label: s.label, unit: s.unit, draft: draft ? (draft.text ?? draft.value?.toString() ?? "") : null, published: published ? (published.text ?? published.value?.toString() ?? "") : null };
    }),
    canEdit: can(user, "sheet.edit", resource) && evaluation?.status === "open" && entry?.state !== "submitted",
    canApprove: can(user, "sheet.approve", resource) && entry?.state === "submitted",
  };
}
