// Planning division: set official ratings.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { can, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";

export type SimpleResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string> };
/** What every mutation answers an actor the permission table refuses. */
export const FORBIDDEN: SimpleResult = { ok: false, message: "この操作を行う権限がありません。" };

// the evaluation year's form (open/close, deadline, reminder days, extensions): lib/evaluation/year-schemas.ts and
// year-mutations.ts, on the one action path
export { evaluationYearSchema } from "./year-schemas";

export const ratingSchema = z.object({
  measureId: z.string().min(1),
  evaluationYear: z.coerce.number().int().min(2000).max(2100),
  rating: z.string().trim().min(1, "評価を入力してください").max(20, "20文字以内で入力してください"),
});

export async function setOfficialRating(prisma: PrismaClient, actor: Actor, input: z.output<typeof ratingSchema>): Promise<SimpleResult> {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  const measure = await prisma.measure.findFirst({ where: { id: input.measureId, plan: { organizationId: { in: orgIds } } }, select: { id: true, plan: { select: { organizationId: true, startYear: true, endYear: true } } } });
  if (!measure) return { ok: false, message: "指標が見つかりません。" };
  if (!can(actor, "rating.set", { organizationId: measure.plan.organizationId })) return FORBIDDEN;
  // an official rating is of one of the plan's evaluations: the years an evaluation year may be opened for
  if (input.evaluationYear < measure.plan.startYear - 1 || input.evaluationYear > measure.plan.endYear + 1) {
    return { ok: false, message: "計画期間外の年度です。", fieldErrors: { evaluationYear: "計画期間内の年度を選んでください" } };
  }
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
