// Plan set-up of KPIs: create or change a KPI's definition (owners, series, baseline, target), retire it,
// reorder. Each call authorises against the permission table (plan.manage), loads rows scoped by the actor's
// organisations, and writes the change with its audit record in one transaction. Used by the set-up form,
// the plan workbook and the API alike (through runAction).
import type { PrismaClient } from "../generated/prisma/client";
import { assertCan, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import { inTransaction, type Tx } from "../actions/transaction";
import { refuse, MESSAGES } from "../actions/refusal";
import type { MeasureDefinition } from "./measure-schema";
import { loadManagedPlan } from "../plans/setup";
import { canonicalFromInput, canonicalFromRow, definitionDigest, definitionSelect, sameJson, type CanonicalMeasure, type CanonicalSeries } from "./definition";

export const REASON_REQUIRED = "運用中の計画の目標値・基準値を変更するには、変更の理由を入力してください";

/** The plan, found only inside the actor's organisations, with the right to set it up (one loader for all set-up). */
export const loadPlanForSetup = loadManagedPlan;

type OwnerRef = { department: string; division: string | null };

/** Owner names → unit ids of the organisation; unknown names are field errors. A retired unit may stay an owner
 *  of a KPI it already owns, but is not given new KPIs. */
async function resolveOwners(tx: Tx, organizationId: string, owners: OwnerRef[], keepUnitIds: Set<string>) {
  const units = await tx.orgUnit.findMany({ where: { organizationId }, select: { id: true, name: true, parentId: true, retiredAt: true, parent: { select: { name: true } } } });
  const errors: Record<string, string> = {};
  const ids = owners.map((o, i) => {
    const unit = units.find((u) => (o.division ? u.name === o.division && u.parent?.name === o.department : u.name === o.department && u.parentId === null));
    if (!unit) {
      errors[`owners.${i}.${o.division ? "division" : "department"}`] = o.division ? `「${o.department}」に「${o.division}」という課はありません` : `「${o.department}」という部局はありません`;
      return "";
    }
    if (unit.retiredAt && !keepUnitIds.has(unit.id)) errors[`owners.${i}.department`] = `「${unit.name}」は廃止された部署です`;
    return unit.id;
  });
  if (Object.keys(errors).length) refuse("invalid", MESSAGES.invalid, errors);
  return ids;
}

const seriesData = (s: CanonicalSeries, sortOrder: number) => ({
  sortOrder,
  label: s.label,
  unit: s.unit,
  baselineYear: s.baseline?.year ?? null,
  baselineValue: s.baseline?.value ?? null,
  baselineText: s.baseline?.text ?? null,
  targetKind: s.target?.kind ?? null,
  targetDirection: s.target?.direction ?? null,
  targetYear: s.target?.year ?? null,
  targetValue: s.target?.value ?? null,
  targetText: s.target?.text ?? null,
  targetPeriodStart: s.target?.periodStart ?? null,
  targetPeriodEnd: s.target?.periodEnd ?? null,
  aggregation: s.aggregation,
  countsWithinPeriod: s.countsWithinPeriod,
});

/** Which baselines and targets of existing series changed (a changed target needs a reason once the plan runs). */
export function changedCommitments(before: CanonicalMeasure, after: CanonicalMeasure): string[] {
  const out: string[] = [];
  for (const s of after.series) {
    const old = before.series.find((o) => o.label === s.label);
    if (!old) continue;
    if (old.baseline && !sameJson(old.baseline, s.baseline)) out.push(`${s.label}の基準値`);
    if (old.target && !sameJson(old.target, s.target)) out.push(`${s.label}の目標値`);
    if (old.yearlyTargets.length && !sameJson(old.yearlyTargets, s.yearlyTargets)) out.push(`${s.label}の年度別目標値`);
    // how the actuals count decides how they are judged against the baseline and the target
    if (old.countsWithinPeriod !== s.countsWithinPeriod && (old.baseline || old.target)) out.push(`${s.label}の数え方（計画期間内の累計）`);
  }
  for (const old of before.series) if (!after.series.some((s) => s.label === old.label) && (old.baseline || old.target)) out.push(`${old.label}の基準値・目標値`);
  return out;
}

export type SaveMeasureInput = {
  planId: string;
  /** the KPI's current No when changing one (its No may change too); absent to create */
  currentNumber?: string | null;
  definition: MeasureDefinition;
  reason?: string | null;
  /** definitionDigest of the definition the editor started from: refused as a conflict when the KPI changed since */
  expected?: string | null;
};

export const CONFLICT_MESSAGE = "この間に他の人がこの指標の設定を変更しました。内容は上書きしていません。画面を開き直して最新の設定を確認してから、もう一度保存してください。";
export type SaveMeasureResult = { measureId: string; number: string; created: boolean; changed: boolean };

/** Creates or changes a KPI's definition inside a transaction the caller holds (the workbook applies many). */
export async function saveMeasureDefinitionTx(tx: Tx, actor: Actor, input: SaveMeasureInput): Promise<SaveMeasureResult> {
  const plan = await loadPlanForSetup(tx, actor, input.planId);
  const after = canonicalFromInput(input.definition);
  const existing = input.currentNumber
    ? await tx.measure.findUnique({ where: { planId_number: { planId: plan.id, number: input.currentNumber } }, select: definitionSelect })
    : null;
  if (input.currentNumber && !existing) refuse("not_found", "指標が見つかりません。");
  if (after.number !== existing?.number) {
    const clash = await tx.measure.findUnique({ where: { planId_number: { planId: plan.id, number: after.number } }, select: { id: true } });
    if (clash) refuse("invalid", MESSAGES.invalid, { number: `No「${after.number}」の指標はすでにあります` });
  }
  const before = existing ? canonicalFromRow(existing) : null;
  if (before && input.expected && definitionDigest(before) !== input.expected) refuse("conflict", CONFLICT_MESSAGE);
  if (before && sameJson(before, after)) return { measureId: existing!.id, number: after.number, created: false, changed: false };

  const reason = input.reason?.trim() || null;
  const commitments = before ? changedCommitments(before, after) : [];
  if (plan.status === "active" && commitments.length > 0 && !reason) refuse("invalid", `${REASON_REQUIRED}（${commitments.join("、")}）。`, { reason: REASON_REQUIRED });

  const section = after.section ? await tx.planSection.findUnique({ where: { planId_key: { planId: plan.id, key: after.section } }, select: { id: true } }) : null;
  if (after.section && !section) refuse("invalid", MESSAGES.invalid, { section: `区分「${after.section}」はこの計画にありません` });
  const ownerIds = await resolveOwners(tx, plan.organizationId, after.owners, new Set(existing?.owners.map((o) => o.unit.id) ?? []));

  const via = actor.via?.channel ?? "form";
  const fields = { number: after.number, name: after.name, kind: after.kind, sectionId: section?.id ?? null, footnote: after.footnote, notes: after.notes, updatedById: actor.id, updatedVia: via };
  let measureId: string;
  if (existing) {
    measureId = existing.id;
    await tx.measure.update({ where: { id: existing.id }, data: fields });
  } else {
    const last = await tx.measure.aggregate({ where: { planId: plan.id }, _max: { sortOrder: true } });
    measureId = (await tx.measure.create({ data: { ...fields, planId: plan.id, sortOrder: (last._max.sortOrder ?? -1) + 1 }, select: { id: true } })).id;
  }
  await tx.measureOwner.deleteMany({ where: { measureId } });
  if (ownerIds.length) await tx.measureOwner.createMany({ data: ownerIds.map((unitId, i) => ({ measureId, unitId, sortOrder: i })) });

  // series: matched by label; one that has actuals or drafts is never deleted
  const oldSeries = existing?.series ?? [];
  for (const old of oldSeries.filter((o) => !after.series.some((s) => s.label === o.label))) {
    const used = (await tx.seriesValue.count({ where: { seriesId: old.id, kind: { not: "target" } } })) + (await tx.sheetEntryValue.count({ where: { seriesId: old.id } }));
    if (used > 0) refuse("invalid", MESSAGES.invalid, { series: `区分「${old.label}」には実績値があるため削除できません` });
    await tx.valueSeries.delete({ where: { id: old.id } });
  }
  for (const [i, s] of after.series.entries()) {
    const old = oldSeries.find((o) => o.label === s.label);
    const data = seriesData(s, i);
    const seriesId = old
      ? (await tx.valueSeries.update({ where: { id: old.id }, data, select: { id: true } })).id
      : (await tx.valueSeries.create({ data: { ...data, measureId }, select: { id: true } })).id;
    await tx.seriesValue.deleteMany({ where: { seriesId, kind: "target", fiscalYear: { notIn: s.yearlyTargets.map((y) => y.year) } } });
    for (const y of s.yearlyTargets) {
      const key = { seriesId_kind_fiscalYear: { seriesId, kind: "target" as const, fiscalYear: y.year } };
      const v = { value: y.value, text: y.text, enteredById: actor.id, enteredVia: via };
      await tx.seriesValue.upsert({ where: key, create: { seriesId, kind: "target", fiscalYear: y.year, ...v }, update: v });
    }
  }
  await writeAudit(tx, {
    organizationId: plan.organizationId,
    userId: actor.id,
    action: existing ? "measure.update" : "measure.create",
    entityType: "Measure",
    entityId: measureId,
    before,
    // the plan's status at the time: the public history lists changed targets of a plan in force (運用中)
    after: { ...after, planId: plan.id, planStatus: plan.status },
    via: actor.via,
    reason,
  });
  return { measureId, number: after.number, created: !existing, changed: true };
}

export async function saveMeasureDefinition(prisma: PrismaClient, actor: Actor, input: SaveMeasureInput): Promise<SaveMeasureResult> {
  return inTransaction(prisma, (tx) => saveMeasureDefinitionTx(tx, actor, input));
}

/** The canonical definitions of a plan's KPIs (retired ones flagged), in order: the workbook and the API read these. */
export async function getMeasureDefinitions(prisma: PrismaClient | Tx, planId: string, options: { includeRetired?: boolean } = {}) {
  const rows = await prisma.measure.findMany({ where: { planId, ...(options.includeRetired ? {} : { retiredAt: null }) }, orderBy: [{ sortOrder: "asc" }, { number: "asc" }], select: definitionSelect });
  return rows.map((r) => ({ id: r.id, retired: r.retiredAt !== null, definition: canonicalFromRow(r) }));
}

/** Retire (廃止) or restore a KPI. A KPI is never deleted once it has values; retired ones keep their history. */
export async function setMeasureRetiredTx(tx: Tx, actor: Actor, input: { planId: string; number: string; retired: boolean; reason?: string | null }) {
  const plan = await loadPlanForSetup(tx, actor, input.planId);
  const m = await tx.measure.findUnique({ where: { planId_number: { planId: plan.id, number: input.number } }, select: { id: true, retiredAt: true } });
  if (!m) refuse("not_found", "指標が見つかりません。");
  if ((m.retiredAt !== null) === input.retired) return { measureId: m.id, changed: false };
  const retiredAt = input.retired ? new Date() : null;
  await tx.measure.update({ where: { id: m.id }, data: { retiredAt, updatedById: actor.id, updatedVia: actor.via?.channel ?? "form" } });
  await writeAudit(tx, {
    organizationId: plan.organizationId,
    userId: actor.id,
    action: input.retired ? "measure.retire" : "measure.restore",
    entityType: "Measure",
    entityId: m.id,
    before: { retiredAt: m.retiredAt },
    after: { retiredAt, planId: plan.id, number: input.number },
    via: actor.via,
    reason: input.reason?.trim() || null,
  });
  return { measureId: m.id, changed: true };
}

export async function setMeasureRetired(prisma: PrismaClient, actor: Actor, input: { planId: string; number: string; retired: boolean; reason?: string | null }) {
  return inTransaction(prisma, (tx) => setMeasureRetiredTx(tx, actor, input));
}

/** Put the plan's KPIs in the given order of Nos (every KPI of the plan once). */
export async function reorderMeasures(prisma: PrismaClient, actor: Actor, input: { planId: string; numbers: string[] }) {
  return inTransaction(prisma, (tx) => reorderMeasuresTx(tx, actor, input));
}

/** Move one KPI a place up or down in the plan's order (the set-up page's arrows): read and write in one transaction. */
export async function moveMeasureInOrder(prisma: PrismaClient, actor: Actor, input: { planId: string; number: string; direction: "up" | "down" }) {
  return inTransaction(prisma, async (tx) => {
    // the current order is read after the right to set up the plan is checked
    const plan = await loadPlanForSetup(tx, actor, input.planId);
    const numbers = (await tx.measure.findMany({ where: { planId: plan.id }, orderBy: [{ sortOrder: "asc" }, { number: "asc" }], select: { number: true } })).map((m) => m.number);
    const at = numbers.indexOf(input.number);
    if (at < 0) refuse("not_found", "指標が見つかりません。");
    const to = input.direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= numbers.length) return { changed: false };
    [numbers[at], numbers[to]] = [numbers[to], numbers[at]];
    return reorderMeasuresTx(tx, actor, { planId: plan.id, numbers });
  });
}

async function reorderMeasuresTx(tx: Tx, actor: Actor, input: { planId: string; numbers: string[] }) {
  const plan = await loadPlanForSetup(tx, actor, input.planId);
  const rows = await tx.measure.findMany({ where: { planId: plan.id }, orderBy: [{ sortOrder: "asc" }, { number: "asc" }], select: { id: true, number: true } });
  const known = new Set(rows.map((r) => r.number));
  if (input.numbers.length !== rows.length || new Set(input.numbers).size !== rows.length || input.numbers.some((n) => !known.has(n))) {
    refuse("invalid", "並べ替えには計画のすべての指標の No を1回ずつ指定してください。", { numbers: "すべての指標の No を1回ずつ指定してください" });
  }
  const before = rows.map((r) => r.number);
  if (sameJson(before, input.numbers)) return { changed: false };
  for (const [i, number] of input.numbers.entries()) await tx.measure.update({ where: { planId_number: { planId: plan.id, number } }, data: { sortOrder: i } });
  await writeAudit(tx, { organizationId: plan.organizationId, userId: actor.id, action: "measure.reorder", entityType: "Plan", entityId: plan.id, before, after: input.numbers, via: actor.via });
  return { changed: true };
}
