// Planning division: open or close an evaluation year (deadline, reminder days) and grant later deadlines to a
// department or one sheet. Each authorises against the permission table, loads rows scoped by the actor's
// organisations, writes and audits in one transaction, and refuses with refuse() (runAction answers it).
import type { PrismaClient } from "../generated/prisma/client";
import { assertCan, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import { inTransaction, type Tx } from "../actions/transaction";
import { refuse } from "../actions/refusal";
import { endOfJapaneseDay, isPastDeadline } from "./deadlines";
import { deadlineDateLabel } from "./deadline-label";
import type { EvaluationYearInput, ExtensionInput } from "./year-schemas";

const orgIdsOf = (actor: Actor) => actor.memberships.map((m) => m.organizationId);

async function loadPlan(tx: Tx, actor: Actor, planId: string) {
  const plan = await tx.plan.findFirst({ where: { id: planId, organizationId: { in: orgIdsOf(actor) } }, select: { id: true, organizationId: true, startYear: true, endYear: true } });
  if (!plan) refuse("not_found", "計画が見つかりません。");
  assertCan(actor, "evaluation.manage", { organizationId: plan.organizationId });
  return plan;
}

export async function setEvaluationYear(prisma: PrismaClient, actor: Actor, input: EvaluationYearInput, now = new Date()) {
  return inTransaction(prisma, async (tx) => {
    const plan = await loadPlan(tx, actor, input.planId);
    if (input.fiscalYear < plan.startYear - 1 || input.fiscalYear > plan.endYear + 1) {
      refuse("invalid", "計画期間外の年度です。", { fiscalYear: "計画期間内の年度を選んでください" });
    }
    const deadline = input.deadline ? endOfJapaneseDay(input.deadline) : null;
    const key = { planId_fiscalYear: { planId: plan.id, fiscalYear: input.fiscalYear } };
    const before = await tx.evaluationYear.findUnique({ where: key });
    // opening (or moving the deadline of) a year whose deadline has already passed would refuse every submission
    // at once: it is done only when the planning division says so explicitly
    const deadlineChanged = (before?.deadline?.getTime() ?? null) !== (deadline?.getTime() ?? null);
    const opening = input.status === "open" && (before?.status !== "open" || deadlineChanged);
    if (opening && deadline && isPastDeadline(deadline, now) && !input.confirmPastDeadline) {
      refuse("invalid", `締切日（${deadlineDateLabel(deadline)}）はすでに過ぎています。このまま受付を開始すると、延長しない限りどのシートも提出できません。`, {
        confirmPastDeadline: `締切日（${deadlineDateLabel(deadline)}）はすでに過ぎています。締切日を見直すか、確認のうえ開始してください`,
      });
    }
    const reminderDays = input.reminderDays;
    const row = await tx.evaluationYear.upsert({
      where: key,
      create: { planId: plan.id, fiscalYear: input.fiscalYear, status: input.status, deadline, ...(reminderDays ? { reminderDays } : {}) },
      update: { status: input.status, deadline, ...(reminderDays ? { reminderDays } : {}) },
    });
    await writeAudit(tx, {
      organizationId: plan.organizationId,
      userId: actor.id,
      action: input.status === "open" ? "evaluation.open" : "evaluation.close",
      entityType: "EvaluationYear",
      entityId: row.id,
      before: before && { status: before.status, deadline: before.deadline, reminderDays: before.reminderDays },
      after: { status: row.status, deadline: row.deadline, reminderDays: row.reminderDays, planId: plan.id, fiscalYear: input.fiscalYear, pastDeadlineConfirmed: opening && deadline !== null && isPastDeadline(deadline, now) },
      via: actor.via,
    });
    return { id: row.id, fiscalYear: row.fiscalYear, status: row.status, deadline: row.deadline, reminderDays: row.reminderDays };
  });
}

/** A later deadline for a department (a top-level unit of the organisation, covering its 課) or for one sheet. */
export async function extendDeadline(prisma: PrismaClient, actor: Actor, input: ExtensionInput) {
  return inTransaction(prisma, async (tx) => {
    const plan = await loadPlan(tx, actor, input.planId);
    const year = await tx.evaluationYear.findUnique({ where: { planId_fiscalYear: { planId: plan.id, fiscalYear: input.fiscalYear } } });
    if (!year) refuse("not_found", "この評価年度はまだ設定されていません。");
    if (!year.deadline) refuse("state", "この評価年度には締切が設定されていないため、延長は必要ありません。");
    const deadline = endOfJapaneseDay(input.deadline);
    if (deadline <= year.deadline) {
      refuse("invalid", "延長後の期限は評価年度の締切より後の日にしてください。", { deadline: `評価年度の締切（${deadlineDateLabel(year.deadline)}）より後の日を入力してください` });
    }
    let subject: { unitId: string; measureId: null; label: string } | { unitId: null; measureId: string; label: string };
    if (input.target === "unit") {
      const unit = await tx.orgUnit.findFirst({ where: { id: input.unitId!, organizationId: plan.organizationId, parentId: null, retiredAt: null }, select: { id: true, name: true } });
      if (!unit) refuse("invalid", "入力内容を確認してください。", { unitId: "この団体の部局を選んでください" });
      subject = { unitId: unit.id, measureId: null, label: unit.name };
    } else {
      const measure = await tx.measure.findFirst({ where: { planId: plan.id, number: input.measureNumber!, kind: "kpi", retiredAt: null }, select: { id: true, number: true, name: true } });
      if (!measure) refuse("invalid", "入力内容を確認してください。", { measureNumber: `この計画に No ${input.measureNumber} の指標はありません` });
      subject = { unitId: null, measureId: measure.id, label: `No ${measure.number} ${measure.name}` };
    }
    const where = subject.unitId
      ? { evaluationYearId_unitId: { evaluationYearId: year.id, unitId: subject.unitId } }
      : { evaluationYearId_measureId: { evaluationYearId: year.id, measureId: subject.measureId! } };
    const before = await tx.deadlineExtension.findUnique({ where });
    const row = await tx.deadlineExtension.upsert({
      where,
      create: { evaluationYearId: year.id, unitId: subject.unitId, measureId: subject.measureId, deadline, reason: input.reason, createdById: actor.id },
      update: { deadline, reason: input.reason, createdById: actor.id },
    });
    await writeAudit(tx, {
      organizationId: plan.organizationId,
      userId: actor.id,
      action: "evaluation.extend",
      entityType: "DeadlineExtension",
      entityId: row.id,
      before: before && { deadline: before.deadline, reason: before.reason },
      after: { planId: plan.id, fiscalYear: year.fiscalYear, unitId: subject.unitId, measureId: subject.measureId, subject: subject.label, deadline, yearDeadline: year.deadline },
      via: actor.via,
      reason: input.reason,
    });
    return { id: row.id, subject: subject.label, deadline };
  });
}

export async function removeExtension(prisma: PrismaClient, actor: Actor, input: { extensionId: string }) {
  return inTransaction(prisma, async (tx) => {
    const row = await tx.deadlineExtension.findFirst({
      where: { id: input.extensionId, evaluationYear: { plan: { organizationId: { in: orgIdsOf(actor) } } } },
      select: { id: true, unitId: true, measureId: true, deadline: true, reason: true, unit: { select: { name: true } }, measure: { select: { number: true, name: true } }, evaluationYear: { select: { fiscalYear: true, planId: true, plan: { select: { organizationId: true } } } } },
    });
    if (!row) refuse("not_found", "延長が見つかりません（すでに取り消されています）。");
    const organizationId = row.evaluationYear.plan.organizationId;
    assertCan(actor, "evaluation.manage", { organizationId });
    await tx.deadlineExtension.delete({ where: { id: row.id } });
    const subject = row.unit ? row.unit.name : row.measure ? `No ${row.measure.number} ${row.measure.name}` : "";
    await writeAudit(tx, {
      organizationId,
      userId: actor.id,
      action: "evaluation.extensionRemove",
      entityType: "DeadlineExtension",
      entityId: row.id,
      before: { planId: row.evaluationYear.planId, fiscalYear: row.evaluationYear.fiscalYear, unitId: row.unitId, measureId: row.measureId, subject, deadline: row.deadline, reason: row.reason },
      via: actor.via,
    });
    return { subject };
  });
}
