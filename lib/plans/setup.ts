// Plan set-up by the planning division (plan.manage): create a plan, edit its settings, and move it through
// 準備中 → 運用中 → 終了. A 準備中 plan is seen only by its organisation's members (lib/plans/visibility.ts).
// Each call authorises against the permission table, loads rows scoped by organisation, and writes the change
// with its audit record in one transaction.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { assertCan, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import { inTransaction, type Tx } from "../actions/transaction";
import { refuse, MESSAGES } from "../actions/refusal";
import { RULE_NAMES, parseRuleSettingsForm, ruleSettings } from "../progress/settings";
import type { ProgressRule } from "../progress/types";

export const PLAN_STATUS_LABELS = { preparing: "準備中", active: "運用中", ended: "終了" } as const;
export type PlanStatus = keyof typeof PLAN_STATUS_LABELS;
/** The judgement rules a plan can choose (lib/progress/settings.ts), in the order the form offers them. */
export const PROGRESS_RULE_LABELS = RULE_NAMES;
const PROGRESS_RULES = ["default", "kama", "grades", "marks", "expected"] as const satisfies readonly ProgressRule[];
/** The fiscal years offered in the forms. */
export const PLAN_YEAR_MIN = 2015;
export const PLAN_YEAR_MAX = 2045;
/** The fiscal years offered in a select, 「令和7年度（2025）」 as labels. */
export function planYearOptions(label: (y: number) => string) {
  const out = [{ value: "", label: "選択してください" }];
  for (let y = PLAN_YEAR_MIN; y <= PLAN_YEAR_MAX; y++) out.push({ value: String(y), label: label(y) });
  return out;
}

export const planYear = z.coerce.number({ message: "年度を選んでください" }).int("年度を選んでください").min(PLAN_YEAR_MIN, "年度を選んでください").max(PLAN_YEAR_MAX, "年度を選んでください");
const planFields = {
  name: z.string().trim().min(1, "計画名を入力してください").max(200, "計画名は200文字以内にしてください"),
  startYear: planYear,
  endYear: planYear,
  progressRule: z.enum(PROGRESS_RULES, { message: "判定方法を選んでください" }),
  /** the rule's thresholds as typed (progressSettings.<key> in the form); unset = keep (update) or defaults (create) */
  progressSettings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  description: z.string().trim().max(2000, "説明は2000文字以内にしてください").optional().transform((v) => v || null),
};
export const planSlug = z
  .string()
  .trim()
  .min(1, "URL 名を入力してください")
  .max(60, "URL 名は60文字以内にしてください")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "URL 名は半角英小文字・数字と「-」で入力してください（例 kama-2025）");
export const planSpan = <T extends { startYear: number; endYear: number }>(v: T, ctx: z.RefinementCtx) => {
  if (v.endYear < v.startYear) ctx.addIssue({ code: "custom", path: ["endYear"], message: "終了年度は開始年度以降にしてください" });
  else if (v.endYear - v.startYear > 20) ctx.addIssue({ code: "custom", path: ["endYear"], message: "計画期間は20年以内にしてください" });
};

/** The rule's settings checked for that rule, each error beside its field; the output holds the parsed settings. */
const ruleSettingsOf = <T extends { progressRule: ProgressRule; progressSettings?: Record<string, unknown> }>(v: T, ctx: z.RefinementCtx) => {
  if (v.progressSettings === undefined) return;
  const parsed = parseRuleSettingsForm(v.progressRule, v.progressSettings);
  if (!parsed.ok) for (const [key, message] of Object.entries(parsed.errors)) ctx.addIssue({ code: "custom", path: ["progressSettings", key], message });
};
const settingsOutput = <T extends { progressRule: ProgressRule; progressSettings?: Record<string, unknown> }>(v: T) => {
  const parsed = v.progressSettings === undefined ? null : parseRuleSettingsForm(v.progressRule, v.progressSettings);
  return { ...v, progressSettings: parsed?.ok ? parsed.settings : undefined };
};

export const createPlanSchema = z
  .object({ organizationId: z.string().min(1), slug: planSlug, ...planFields, status: z.enum(["preparing", "active"]).default("preparing") })
  .superRefine(planSpan)
  .superRefine(ruleSettingsOf)
  .transform(settingsOutput);
/** The form name printed at the head of each KPI sheet (熊本県: ＜別記様式２＞); empty = none is printed. */
export const printFormName = z.string().trim().max(60, "様式名は60文字以内にしてください").optional().transform((v) => v || null);
export const updatePlanSchema = z.object({ planId: z.string().min(1), ...planFields, printFormName }).superRefine(planSpan).superRefine(ruleSettingsOf).transform(settingsOutput);
export const planStatusSchema = z.object({
  planId: z.string().min(1),
  status: z.enum(["preparing", "active", "ended"], { message: "状態を選んでください" }),
  reason: z.string().trim().max(500).optional().transform((v) => v || null),
});

/** The plan, found only inside the actor's organisations, with the right to set it up. */
export async function loadManagedPlan(tx: Tx, actor: Actor, planId: string) {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  const plan = await tx.plan.findFirst({
    where: { id: planId, organizationId: { in: orgIds } },
    select: { id: true, slug: true, name: true, status: true, organizationId: true, startYear: true, endYear: true, progressRule: true, progressSettings: true, description: true, printFormName: true },
  });
  if (!plan) refuse("not_found", "計画が見つかりません。");
  assertCan(actor, "plan.manage", { organizationId: plan.organizationId });
  return plan;
}

export async function assertSlugFree(tx: Tx, organizationId: string, slug: string, field = "slug") {
  if (await tx.plan.findUnique({ where: { organizationId_slug: { organizationId, slug } }, select: { id: true } })) refuse("invalid", MESSAGES.invalid, { [field]: `URL 名「${slug}」の計画はすでにあります` });
}

export async function createPlan(prisma: PrismaClient, actor: Actor, input: z.output<typeof createPlanSchema>) {
  return inTransaction(prisma, async (tx) => {
    assertCan(actor, "plan.manage", { organizationId: input.organizationId });
    await assertSlugFree(tx, input.organizationId, input.slug);
    const { organizationId, progressSettings, ...rest } = input;
    const fields = { ...rest, progressSettings: progressSettings ?? ruleSettingsData(input.progressRule) };
    const plan = await tx.plan.create({ data: { organizationId, ...fields }, select: { id: true, slug: true } });
    await writeAudit(tx, { organizationId, userId: actor.id || null, action: "plan.create", entityType: "Plan", entityId: plan.id, after: fields, via: actor.via });
    return plan;
  });
}

export async function updatePlan(prisma: PrismaClient, actor: Actor, input: z.output<typeof updatePlanSchema>) {
  return inTransaction(prisma, async (tx) => {
    const plan = await loadManagedPlan(tx, actor, input.planId);
    const { planId, progressSettings, ...rest } = input;
    // settings not sent (an API call without them) are kept while the rule stays; a new rule starts from its defaults
    const settings = progressSettings ?? (input.progressRule === plan.progressRule ? ruleSettingsData(plan.progressRule, plan.progressSettings) : ruleSettingsData(input.progressRule));
    const fields = { ...rest, progressSettings: settings };
    const before = {
      name: plan.name,
      startYear: plan.startYear,
      endYear: plan.endYear,
      progressRule: plan.progressRule,
      description: plan.description,
      printFormName: plan.printFormName,
      progressSettings: ruleSettingsData(plan.progressRule, plan.progressSettings),
    };
    if (stableJson(before) === stableJson(fields)) return { id: planId, slug: plan.slug, changed: false };
    // the span may not drop years that already hold actual values
    const dropped = [
      ...(fields.startYear > plan.startYear ? [{ fiscalYear: { gte: plan.startYear, lt: fields.startYear } }] : []),
      ...(fields.endYear < plan.endYear ? [{ fiscalYear: { gt: fields.endYear, lte: plan.endYear } }] : []),
    ];
    const lost = dropped.length ? await tx.seriesValue.findFirst({ where: { kind: "actual", series: { measure: { planId } }, OR: dropped }, select: { fiscalYear: true } }) : null;
    if (lost) refuse("invalid", MESSAGES.invalid, { [lost.fiscalYear < fields.startYear ? "startYear" : "endYear"]: `${lost.fiscalYear}年度の実績値があるため、その年度を計画期間から外せません` });
    await tx.plan.update({ where: { id: planId }, data: fields });
    await writeAudit(tx, { organizationId: plan.organizationId, userId: actor.id || null, action: "plan.update", entityType: "Plan", entityId: planId, before, after: fields, via: actor.via });
    return { id: planId, slug: plan.slug, changed: true };
  });
}

/** Which status changes are allowed, and which need a reason: going back (終了 → 運用中, 運用中 → 準備中) is
 *  possible but recorded with why; 運用中 → 準備中 only while nothing has been reported yet. */
export const STATUS_CHANGES: Record<PlanStatus, readonly PlanStatus[]> = { preparing: ["active"], active: ["ended", "preparing"], ended: ["active"] };
export const needsReason = (from: PlanStatus, to: PlanStatus) => (from === "ended" && to === "active") || (from === "active" && to === "preparing");

export async function setPlanStatus(prisma: PrismaClient, actor: Actor, input: z.output<typeof planStatusSchema>) {
  return inTransaction(prisma, async (tx) => {
    const plan = await loadManagedPlan(tx, actor, input.planId);
    const from = plan.status as PlanStatus;
    if (from === input.status) return { id: plan.id, status: from, changed: false };
    if (!STATUS_CHANGES[from].includes(input.status)) refuse("state", `「${PLAN_STATUS_LABELS[from]}」から「${PLAN_STATUS_LABELS[input.status]}」には変更できません。`, { status: `${PLAN_STATUS_LABELS[from]}の計画は「${STATUS_CHANGES[from].map((s) => PLAN_STATUS_LABELS[s]).join("」「")}」にのみ変更できます` });
    if (needsReason(from, input.status) && !input.reason) refuse("invalid", MESSAGES.invalid, { reason: "この変更には理由を入力してください" });
    if (from === "active" && input.status === "preparing") {
      const reported = (await tx.sheetEntry.count({ where: { measure: { planId: plan.id } } })) + (await tx.seriesValue.count({ where: { kind: "actual", series: { measure: { planId: plan.id } } } }));
      if (reported > 0) refuse("state", "実績値やシートが登録された計画は準備中に戻せません。", { status: "実績値やシートが登録された計画は準備中に戻せません" });
    }
    await tx.plan.update({ where: { id: plan.id }, data: { status: input.status } });
    await writeAudit(tx, { organizationId: plan.organizationId, userId: actor.id || null, action: "plan.status", entityType: "Plan", entityId: plan.id, before: { status: from }, after: { status: input.status }, via: actor.via, reason: input.reason });
    return { id: plan.id, status: input.status, changed: true };
  });
}

/** The rule's settings as stored: completed with the defaults, without the rule's name. */
function ruleSettingsData(rule: ProgressRule, stored?: unknown): Record<string, number | boolean> {
  const { rule: _rule, ...values } = ruleSettings(rule, stored);
  return values as Record<string, number | boolean>;
}

/** JSON with sorted keys (PostgreSQL's jsonb does not keep the order keys were written in). */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}
