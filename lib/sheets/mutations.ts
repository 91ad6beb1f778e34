// Changes to sheet entries: save a draft, submit, approve (publish), return. Each one checks the acting
// user's role and units itself, loads rows scoped by organisation, refuses a stale version (optimistic
// locking), and writes the change and its audit record in one transaction (lib/actions/transaction.ts, retried
// on a serialisation failure). A refusal is the one Refusal of lib/actions/refusal.ts, thrown inside the
// transaction so that it rolls back; runAction (lib/actions/action.ts) turns it into the one result shape.
import type { PrismaClient } from "../generated/prisma/client";
import { assertCan, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import { inTransaction, type Tx } from "../actions/transaction";
import { refuse, MESSAGES } from "../actions/refusal";
import { readValueInput } from "./value-input";
import { draftSnapshot as snapshot, writeSheetDraft } from "./draft-write";
import { notifySheetEvent } from "../notifications/events";
import { wakeMailSender } from "../jobs/wake";
import { loadYearDeadlines } from "../evaluation/sheet-deadlines";
import { isPastDeadline } from "../evaluation/deadlines";
import { deadlineDateLabel } from "../evaluation/deadline-label";
import type { SheetEntryInput } from "./schemas";

export type Narratives = { effortStatus: string | null; issues: string | null; direction: string | null };
/** What a conflict refusal carries as its detail: the sheet as the other writer left it. */
export type ConflictInfo = Narratives & { version: number; updatedBy: string | null; updatedAt: Date | null; state: string };
/** A sheet write's answer: the entry's new version (refusals are thrown). */
export type SheetWriteResult = { version: number };

const CONFLICT_MESSAGE = "この間に他の人がこのシートを保存しました。内容は上書きしていません。相手の内容を確認し、必要なら反映してから保存し直してください。";

/** The measure with what permission checks need, found only inside the organisations the actor belongs to. */
async function loadMeasure(tx: Tx, actor: Actor, measureId: string) {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  const measure = await tx.measure.findFirst({
    where: { id: measureId, plan: { organizationId: { in: orgIds } } },
    select: {
      id: true,
      planId: true,
      plan: { select: { organizationId: true } },
      owners: { select: { unitId: true } },
      series: { select: { id: true, unit: true, label: true } },
    },
  });
  if (!measure) refuse("not_found", "指標が見つかりません。");
  return { ...measure, organizationId: measure.plan.organizationId, ownerUnitIds: measure.owners.map((o) => o.unitId) };
}

async function requireOpenYear(tx: Tx, planId: string, year: number) {
  const open = await tx.evaluationYear.findFirst({ where: { planId, fiscalYear: year, status: "open" } });
  if (!open) refuse("closed", "この評価年度は受付を終了しているか、まだ開始されていません。");
}

/**
 * Submitting after the deadline that holds for this sheet (the year's, or a later one the planning division granted
 * to its department or to the sheet) is refused. Saving a draft stays allowed: a department often finishes its text
 * late while it asks for an extension, and a draft changes nothing the planning division or the public sees — the
 * submission is what the deadline governs, and an extension then lets the finished draft be submitted at once.
 */
async function requireBeforeDeadline(tx: Tx, measure: { id: string; planId: string; ownerUnitIds: string[] }, year: number) {
  const deadline = (await loadYearDeadlines(tx, measure.planId, year)).deadlineFor(measure.id, measure.ownerUnitIds);
  if (deadline && isPastDeadline(deadline, new Date())) {
    refuse("closed", `提出期限（${deadlineDateLabel(deadline)}）を過ぎているため提出できません。期限の延長は企画担当にご相談ください（下書きは保存できます）。`);
  }
}

async function entryWithValues(tx: Tx, measureId: string, year: number) {
  return tx.sheetEntry.findUnique({
    where: { measureId_evaluationYear: { measureId, evaluationYear: year } },
    include: { draftValues: true, updatedBy: { select: { name: true } } },
  });
}

type EntryRow = NonNullable<Awaited<ReturnType<typeof entryWithValues>>>;

function conflict(e: EntryRow | null): never {
  const current: ConflictInfo = {
    version: e?.version ?? 0,
    state: e?.state ?? "draft",
    effortStatus: e?.effortStatus ?? null,
    issues: e?.issues ?? null,
    direction: e?.direction ?? null,
    updatedBy: e?.updatedBy?.name ?? null,
    updatedAt: e?.updatedAt ?? null,
  };
  refuse("conflict", CONFLICT_MESSAGE, undefined, current);
}

async function run(prisma: PrismaClient, fn: (tx: Tx) => Promise<SheetWriteResult>): Promise<SheetWriteResult> {
  const result = await inTransaction(prisma, fn, { timeout: 20_000 });
  // the change committed its notifications' e-mails to the outbox: send them now
  wakeMailSender();
  return result;
}

/** Officer: save the narratives and the year's values as a draft, or submit them for approval. */
export async function saveSheetEntry(prisma: PrismaClient, actor: Actor, input: SheetEntryInput, intent: "draft" | "submit"): Promise<SheetWriteResult> {
  return run(prisma, async (tx) => {
    const measure = await loadMeasure(tx, actor, input.measureId);
    assertCan(actor, intent === "submit" ? "sheet.submit" : "sheet.edit", measure);
    await requireOpenYear(tx, measure.planId, input.evaluationYear);
    if (intent === "submit") await requireBeforeDeadline(tx, measure, input.evaluationYear);
    const entry = await entryWithValues(tx, measure.id, input.evaluationYear);
    if ((entry?.version ?? 0) !== input.version) conflict(entry);
    if (entry?.state === "submitted") {
      refuse("state", "提出済みのシートは、企画担当が差し戻すまで編集できません。");
    }
    const units = Object.fromEntries(measure.series.map((s) => [s.id, s.unit]));
    const errors: Record<string, string> = {};
    const values = Object.entries(input.values).flatMap(([seriesId, raw]) => {
      if (!(seriesId in units)) return (errors[`value:${seriesId}`] = "この指標の区分ではありません", []);
      const read = readValueInput(raw, units[seriesId]);
      if (!read.ok) return (errors[`value:${seriesId}`] = read.message, []);
      return [{ seriesId, ...read }];
    });
    if (Object.keys(errors).length) refuse("invalid", MESSAGES.invalid, errors);
    if (intent === "submit" && !input.effortStatus) refuse("invalid", "提出するには取組状況を入力してください。", { effortStatus: "取組状況を入力してください" });

    const entryId = await writeSheetDraft(tx, {
      measureId: measure.id,
      evaluationYear: input.evaluationYear,
      entry,
      expectedVersion: input.version,
      fields: {
        effortStatus: input.effortStatus,
        issues: input.issues,
        direction: input.direction,
        state: intent === "submit" ? "submitted" : "draft",
        updatedById: actor.id,
        updatedVia: actor.via?.channel ?? "form",
        submittedAt: intent === "submit" ? new Date() : null,
      },
      values,
      onStale: async () => conflict(await entryWithValues(tx, measure.id, input.evaluationYear)),
    });
    const after = await entryWithValues(tx, measure.id, input.evaluationYear);
    await writeAudit(tx, {
      organizationId: measure.organizationId,
      userId: actor.id,
      action: intent === "submit" ? "sheet.submit" : "sheet.saveDraft",
      entityType: "SheetEntry",
      entityId: entryId,
      before: snapshot(entry),
      after: { ...snapshot(after), measureId: measure.id, evaluationYear: input.evaluationYear },
      via: actor.via,
    });
    if (intent === "submit") await notifySheetEvent(tx, "sheet_submitted", { measureId: measure.id, evaluationYear: input.evaluationYear, actorId: actor.id });
    return { version: after!.version };
  });
}

type WorkflowInput = { measureId: string; evaluationYear: number; version: number };

/** Planning division: publish a submitted sheet. Its values become the measure's actuals. */
export async function approveSheetEntry(prisma: PrismaClient, actor: Actor, input: WorkflowInput): Promise<SheetWriteResult> {
  return run(prisma, async (tx) => {
    const measure = await loadMeasure(tx, actor, input.measureId);
    assertCan(actor, "sheet.approve", measure);
    // a closed evaluation year is frozen: nothing is published or sent back until it is opened again
    await requireOpenYear(tx, measure.planId, input.evaluationYear);
    const entry = await entryWithValues(tx, measure.id, input.evaluationYear);
    if (!entry || entry.version !== input.version) conflict(entry);
    if (entry.state !== "submitted") refuse("state", "提出されたシートだけを承認できます。");
    const beforeValues = await tx.seriesValue.findMany({ where: { seriesId: { in: entry.draftValues.map((v) => v.seriesId) }, kind: "actual", fiscalYear: input.evaluationYear } });
    for (const v of entry.draftValues) {
      await tx.seriesValue.upsert({
        where: { seriesId_kind_fiscalYear: { seriesId: v.seriesId, kind: "actual", fiscalYear: v.fiscalYear } },
        // who typed the value and through which channel (the approver only publishes it)
        create: { seriesId: v.seriesId, kind: "actual", fiscalYear: v.fiscalYear, value: v.value, text: v.text, note: v.note, enteredById: entry.updatedById, enteredVia: entry.updatedVia ?? "form" },
        update: { value: v.value, text: v.text, enteredById: entry.updatedById, enteredVia: entry.updatedVia ?? "form" },
      });
    }
    await tx.sheetEntryValue.deleteMany({ where: { sheetEntryId: entry.id } });
    const now = new Date();
    await tx.sheetEntry.update({
      where: { id: entry.id },
      data: {
        state: "published",
        version: { increment: 1 },
        publishedAt: now,
        publishedById: actor.id,
        publishedEffortStatus: entry.effortStatus,
        publishedIssues: entry.issues,
        publishedDirection: entry.direction,
        returnReason: null,
      },
    });
    await writeAudit(tx, {
      organizationId: measure.organizationId,
      userId: actor.id,
      action: "sheet.approve",
      entityType: "SheetEntry",
      entityId: entry.id,
      before: { ...snapshot(entry), published: { effortStatus: entry.publishedEffortStatus, issues: entry.publishedIssues, direction: entry.publishedDirection }, actuals: beforeValues.map((v) => ({ seriesId: v.seriesId, value: v.value?.toString() ?? null, text: v.text })) },
      after: { state: "published", version: entry.version + 1, published: { effortStatus: entry.effortStatus, issues: entry.issues, direction: entry.direction }, actuals: entry.draftValues.map((v) => ({ seriesId: v.seriesId, value: v.value?.toString() ?? null, text: v.text })), measureId: measure.id, evaluationYear: input.evaluationYear },
      via: actor.via,
    });
    await notifySheetEvent(tx, "sheet_approved", { measureId: measure.id, evaluationYear: input.evaluationYear, actorId: actor.id });
    return { version: entry.version + 1 };
  });
}

/** Planning division: send a submitted sheet back to the department with a reason. */
export async function returnSheetEntry(prisma: PrismaClient, actor: Actor, input: WorkflowInput & { reason: string }): Promise<SheetWriteResult> {
  return run(prisma, async (tx) => {
    const measure = await loadMeasure(tx, actor, input.measureId);
    assertCan(actor, "sheet.return", measure);
    await requireOpenYear(tx, measure.planId, input.evaluationYear);
    const entry = await entryWithValues(tx, measure.id, input.evaluationYear);
    if (!entry || entry.version !== input.version) conflict(entry);
    if (entry.state !== "submitted") refuse("state", "提出されたシートだけを差し戻せます。");
    await tx.sheetEntry.update({ where: { id: entry.id }, data: { state: "returned", returnReason: input.reason, version: { increment: 1 } } });
    await writeAudit(tx, {
      organizationId: measure.organizationId,
      userId: actor.id,
      action: "sheet.return",
      entityType: "SheetEntry",
      entityId: entry.id,
      before: { state: entry.state, version: entry.version },
      after: { state: "returned", version: entry.version + 1, reason: input.reason, measureId: measure.id, evaluationYear: input.evaluationYear },
      via: actor.via,
    });
    await notifySheetEvent(tx, "sheet_returned", { measureId: measure.id, evaluationYear: input.evaluationYear, actorId: actor.id, reason: input.reason });
    return { version: entry.version + 1 };
  });
}
