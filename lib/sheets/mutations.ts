// Changes to sheet entries: save a draft, submit, approve (publish), return. Each one checks the acting
// user's role and units itself, loads rows scoped by organisation, refuses a stale version (optimistic
// locking), and writes the change and its audit record in one transaction.
import type { PrismaClient, Prisma } from "../generated/prisma/client";
import { assertCan, ForbiddenError, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import { readValueInput } from "./value-input";
import { notifySheetEvent } from "../notifications/events";
import { wakeMailSender } from "../jobs/wake";
import { loadYearDeadlines } from "../evaluation/sheet-deadlines";
import { isPastDeadline } from "../evaluation/deadlines";
import { deadlineDateLabel } from "../evaluation/deadline-label";
import type { SheetEntryInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export type Narratives = { effortStatus: string | null; issues: string | null; direction: string | null };
export type ConflictInfo = Narratives & { version: number; updatedBy: string | null; updatedAt: Date | null; state: string };

export type MutationResult =
  | { ok: true; version: number }
  | { ok: false; kind: "forbidden" | "not_found" | "closed" | "state"; message: string }
  | { ok: false; kind: "conflict"; message: string; current: ConflictInfo }
  | { ok: false; kind: "invalid"; message: string; fieldErrors: Record<string, string> };

class Refusal extends Error {
  constructor(readonly result: Exclude<MutationResult, { ok: true }>) {
    super(result.message);
  }
}

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
  if (!measure) throw new Refusal({ ok: false, kind: "not_found", message: "指標が見つかりません。" });
  return { ...measure, organizationId: measure.plan.organizationId, ownerUnitIds: measure.owners.map((o) => o.unitId) };
}

async function requireOpenYear(tx: Tx, planId: string, year: number) {
  const open = await tx.evaluationYear.findFirst({ where: { planId, fiscalYear: year, status: "open" } });
  if (!open) throw new Refusal({ ok: false, kind: "closed", message: "この評価年度は受付を終了しているか、まだ開始されていません。" });
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
    throw new Refusal({
      ok: false,
      kind: "closed",
      message: `提出期限（${deadlineDateLabel(deadline)}）を過ぎているため提出できません。期限の延長は企画担当にご相談ください（下書きは保存できます）。`,
    });
  }
}

async function entryWithValues(tx: Tx, measureId: string, year: number) {
  return tx.sheetEntry.findUnique({
    where: { measureId_evaluationYear: { measureId, evaluationYear: year } },
    include: { draftValues: true, updatedBy: { select: { name: true } } },
  });
}

type EntryRow = NonNullable<Awaited<ReturnType<typeof entryWithValues>>>;

function snapshot(e: EntryRow | null) {
  if (!e) return null;
  return {
    state: e.state,
    version: e.version,
    effortStatus: e.effortStatus,
    issues: e.issues,
    direction: e.direction,
    values: e.draftValues.map((v) => ({ seriesId: v.seriesId, fiscalYear: v.fiscalYear, value: v.value?.toString() ?? null, text: v.text })),
  };
}

function conflict(e: EntryRow | null): never {
  throw new Refusal({
    ok: false,
    kind: "conflict",
    message: CONFLICT_MESSAGE,
    current: {
      version: e?.version ?? 0,
      state: e?.state ?? "draft",
      effortStatus: e?.effortStatus ?? null,
      issues: e?.issues ?? null,
      direction: e?.direction ?? null,
      updatedBy: e?.updatedBy?.name ?? null,
      updatedAt: e?.updatedAt ?? null,
    },
  });
}

async function run(prisma: PrismaClient, fn: (tx: Tx) => Promise<MutationResult>): Promise<MutationResult> {
  try {
    const result = await prisma.$transaction(fn, { isolationLevel: "Serializable", timeout: 20_000 });
    // the change committed its notifications' e-mails to the outbox: send them now
    if (result.ok) wakeMailSender();
    return result;
  } catch (e) {
    if (e instanceof Refusal) return e.result;
    if (e instanceof ForbiddenError) return { ok: false, kind: "forbidden", message: "この操作を行う権限がありません。" };
    // two saves racing on the same row: PostgreSQL's serialisation failure is the same story as a stale version
    if (e && typeof e === "object" && "code" in e && (e as { code: string }).code === "P2034") {
      return { ok: false, kind: "state", message: "同時に保存されたため保存できませんでした。もう一度保存してください。" };
    }
    throw e;
  }
}

/** Officer: save the narratives and the year's values as a draft, or submit them for approval. */
export async function saveSheetEntry(prisma: PrismaClient, actor: Actor, input: SheetEntryInput, intent: "draft" | "submit"): Promise<MutationResult> {
  return run(prisma, async (tx) => {
    const measure = await loadMeasure(tx, actor, input.measureId);
    assertCan(actor, intent === "submit" ? "sheet.submit" : "sheet.edit", measure);
    await requireOpenYear(tx, measure.planId, input.evaluationYear);
    if (intent === "submit") await requireBeforeDeadline(tx, measure, input.evaluationYear);
    const entry = await entryWithValues(tx, measure.id, input.evaluationYear);
    if ((entry?.version ?? 0) !== input.version) conflict(entry);
    if (entry?.state === "submitted") {
      throw new Refusal({ ok: false, kind: "state", message: "提出済みのシートは、企画担当が差し戻すまで編集できません。" });
    }
    const units = Object.fromEntries(measure.series.map((s) => [s.id, s.unit]));
    const errors: Record<string, string> = {};
    const values = Object.entries(input.values).flatMap(([seriesId, raw]) => {
      if (!(seriesId in units)) return (errors[`value:${seriesId}`] = "この指標の区分ではありません", []);
      const read = readValueInput(raw, units[seriesId]);
      if (!read.ok) return (errors[`value:${seriesId}`] = read.message, []);
      return [{ seriesId, ...read }];
    });
    if (Object.keys(errors).length) throw new Refusal({ ok: false, kind: "invalid", message: "入力内容を確認してください。", fieldErrors: errors });
    if (intent === "submit" && !input.effortStatus) {
      throw new Refusal({ ok: false, kind: "invalid", message: "提出するには取組状況を入力してください。", fieldErrors: { effortStatus: "取組状況を入力してください" } });
    }

    const now = new Date();
    const data = {
      effortStatus: input.effortStatus,
      issues: input.issues,
      direction: input.direction,
      state: intent === "submit" ? ("submitted" as const) : ("draft" as const),
      returnReason: null,
      updatedById: actor.id,
      updatedVia: actor.via?.channel ?? "form",
      submittedAt: intent === "submit" ? now : null,
    };
    let entryId: string;
    if (entry) {
      // the version in the WHERE makes the check and the write one step
      const updated = await tx.sheetEntry.updateMany({ where: { id: entry.id, version: entry.version }, data: { ...data, version: { increment: 1 } } });
      if (updated.count === 0) conflict(await entryWithValues(tx, measure.id, input.evaluationYear));
      entryId = entry.id;
    } else {
      entryId = (await tx.sheetEntry.create({ data: { ...data, measureId: measure.id, evaluationYear: input.evaluationYear, version: 1 } })).id;
    }
    for (const v of values) {
      const key = { sheetEntryId_seriesId_fiscalYear: { sheetEntryId: entryId, seriesId: v.seriesId, fiscalYear: input.evaluationYear } };
      if (v.value === null && v.text === null) await tx.sheetEntryValue.deleteMany({ where: { sheetEntryId: entryId, seriesId: v.seriesId, fiscalYear: input.evaluationYear } });
      else await tx.sheetEntryValue.upsert({ where: key, create: { sheetEntryId: entryId, seriesId: v.seriesId, fiscalYear: input.evaluationYear, value: v.value, text: v.text }, update: { value: v.value, text: v.text } });
    }
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
    return { ok: true, version: after!.version };
  });
}

type WorkflowInput = { measureId: string; evaluationYear: number; version: number };

/** Planning division: publish a submitted sheet. Its values become the measure's actuals. */
export async function approveSheetEntry(prisma: PrismaClient, actor: Actor, input: WorkflowInput): Promise<MutationResult> {
  return run(prisma, async (tx) => {
    const measure = await loadMeasure(tx, actor, input.measureId);
    assertCan(actor, "sheet.approve", measure);
    // a closed evaluation year is frozen: nothing is published or sent back until it is opened again
    await requireOpenYear(tx, measure.planId, input.evaluationYear);
    const entry = await entryWithValues(tx, measure.id, input.evaluationYear);
    if (!entry || entry.version !== input.version) conflict(entry);
    if (entry.state !== "submitted") throw new Refusal({ ok: false, kind: "state", message: "提出されたシートだけを承認できます。" });
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
    return { ok: true, version: entry.version + 1 };
  });
}

/** Planning division: send a submitted sheet back to the department with a reason. */
export async function returnSheetEntry(prisma: PrismaClient, actor: Actor, input: WorkflowInput & { reason: string }): Promise<MutationResult> {
  return run(prisma, async (tx) => {
    const measure = await loadMeasure(tx, actor, input.measureId);
    assertCan(actor, "sheet.return", measure);
    await requireOpenYear(tx, measure.planId, input.evaluationYear);
    const entry = await entryWithValues(tx, measure.id, input.evaluationYear);
    if (!entry || entry.version !== input.version) conflict(entry);
    if (entry.state !== "submitted") throw new Refusal({ ok: false, kind: "state", message: "提出されたシートだけを差し戻せます。" });
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
    return { ok: true, version: entry.version + 1 };
  });
}
