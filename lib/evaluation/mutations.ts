// Planning division: open or close an evaluation year of a plan (with its deadline), set official ratings.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { can, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";

export type SimpleResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string> };
/** What every mutation answers an actor the permission table refuses. */
export const FORBIDDEN: SimpleResult = { ok: false, message: "この操作を行う権限がありません。" };

export const evaluationYearSchema = z.object({
  planId: z.string().min(1),
  fiscalYear: z.coerce.number().int().min(2000, "年度を選んでください").max(2100),
  status: z.enum(["open", "closed"]),
  deadline: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : null))
    .refine((s) => s === null || /^\d{4}-\d{2}-\d{2}$/.test(s), "締切日は年-月-日で入力してください"),
});

export async function setEvaluationYear(prisma: PrismaClient, actor: Actor, input: z.output<typeof evaluationYearSchema>): Promise<SimpleResult> {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  const plan = await prisma.plan.findFirst({ where: { id: input.planId, organizationId: { in: orgIds } }, select: { id: true, organizationId: true, startYear: true, endYear: true } });
  if (!plan) return { ok: false, message: "計画が見つかりません。" };
  if (!can(actor, "evaluation.manage", { organizationId: plan.organizationId })) return FORBIDDEN;
  if (input.fiscalYear < plan.startYear - 1 || input.fiscalYear > plan.endYear + 1) {
    return { ok: false, message: "計画期間外の年度です。", fieldErrors: { fiscalYear: "計画期間内の年度を選んでください" } };
  }
  const deadline = input.deadline ? new Date(`${input.deadline}T23:59:59+09:00`) : null;
  await prisma.$transaction(async (tx) => {
    const before = await tx.evaluationYear.findUnique({ where: { planId_fiscalYear: { planId: plan.id, fiscalYear: input.fiscalYear } } });
    const row = await tx.evaluationYear.upsert({
      where: { planId_fiscalYear: { planId: plan.id, fiscalYear: input.fiscalYear } },
      create: { planId: plan.id, fiscalYear: input.fiscalYear, status: input.status, deadline },
      update: { status: input.status, deadline },
    });
    await writeAudit(tx, {
      organizationId: plan.organizationId,
      userId: actor.id,
      action: input.status === "open" ? "evaluation.open" : "evaluation.close",
      entityType: "EvaluationYear",
      entityId: row.id,
      before: before && { status: before.status, deadline: before.deadline },
      after: { status: row.status, deadline: row.deadline, planId: plan.id, fiscalYear: input.fiscalYear },
      via: actor.via,
    });
  });
  return { ok: true };
}

export const ratingSchema = z.object({
  measureId: z.string().min(1),
  evaluationYear: z.coerce.number().int().min(2000).max(2100),
  rating: z.string().trim().min(1, "評価を入力してください").max(20, "20文字以内で入力してください"),
});

export async function setOfficialRating(prisma: PrismaClient, actor: Actor, input: z.output<typeof ratingSchema>): Promise<SimpleResult> {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  const measure = await prisma.measure.findFirst({ where: { id: input.measureId, plan: { organizationId: { in: orgIds } } }, select: { id: true, plan: { select: { organizationId: true } } } });
  if (!measure) return { ok: false, message: "指標が見つかりません。" };
  if (!can(actor, "rating.set", { organizationId: measure.plan.organizationId })) return FORBIDDEN;
  await prisma.$transaction(async (tx) => {
    const key = { measureId_evaluationYear: { measureId: measure.id, evaluationYear: input.evaluationYear } };
    const before = await tx.officialRating.findUnique({ where: key });
    const row = await tx.officialRating.upsert({
      where: key,
      create: { measureId: measure.id, evaluationYear: input.evaluationYear, rating: input.rating, source: "manual", setById: actor.id },
      update: { rating: input.rating, source: "manual", setById: actor.id, setAt: new Date() },
    });
    await writeAudit(tx, {
      organizationId: measure.plan.organizationId,
      userId: actor.id,
      action: "rating.set",
      entityType: "OfficialRating",
      entityId: row.id,
      before: before && { rating: before.rating, source: before.source },
      after: { rating: row.rating, source: row.source, measureId: measure.id, evaluationYear: input.evaluationYear },
      via: actor.via,
    });
  });
  return { ok: true };
}
