// The committee's comments and review marks, the department's replies, the planning division's publishing.
// Each checks the user itself and writes its audit record in the same transaction; a refusal is the one Refusal
// (lib/actions/refusal.ts), answered by runAction.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { assertCan, can, ForbiddenError, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import { inTransaction, type Tx } from "../actions/transaction";
import { refuse } from "../actions/refusal";
import { notifyCommentAnswered, notifyCommentPublished } from "../notifications/events";
import { wakeMailSender } from "../jobs/wake";

export const commentSchema = z.object({
  measureId: z.string().min(1),
  evaluationYear: z.coerce.number().int().min(2000).max(2100),
  parentId: z.string().optional().transform((v) => (v ? v : undefined)),
  body: z.string().trim().min(1, "コメントを入力してください").max(5000, "5,000文字以内で入力してください"),
});
export const reviewSchema = z.object({ measureId: z.string().min(1), evaluationYear: z.coerce.number().int().min(2000).max(2100), reviewed: z.enum(["true", "false"]).transform((v) => v === "true") });
export const publishSchema = z.object({ commentId: z.string().min(1), published: z.enum(["true", "false"]).transform((v) => v === "true") });

async function measureOf(tx: Tx, actor: Actor, measureId: string) {
  const m = await tx.measure.findFirst({
    where: { id: measureId, plan: { organizationId: { in: actor.memberships.map((x) => x.organizationId) } } },
    select: { id: true, plan: { select: { organizationId: true, startYear: true, endYear: true } }, owners: { select: { unitId: true } } },
  });
  return m && { id: m.id, organizationId: m.plan.organizationId, ownerUnitIds: m.owners.map((o) => o.unitId), startYear: m.plan.startYear, endYear: m.plan.endYear };
}

/** A mark or comment belongs to an evaluation the plan can have: the years an evaluation year may be opened for
 *  (its period, one year either side: lib/evaluation/year-mutations.ts). Anything else is refused beside the field. */
export function requireInsidePlan(plan: { startYear: number; endYear: number }, year: number): void {
  if (year < plan.startYear - 1 || year > plan.endYear + 1) refuse("invalid", "計画期間外の年度です。", { evaluationYear: "計画期間内の年度を選んでください" });
}

/** A committee member comments; the owning department (or the planning division) replies to a comment. */
export async function addComment(prisma: PrismaClient, actor: Actor, input: z.output<typeof commentSchema>): Promise<void> {
  await inTransaction(prisma, async (tx) => {
    const measure = await measureOf(tx, actor, input.measureId);
    if (!measure) throw new ForbiddenError("comment.create");
    requireInsidePlan(measure, input.evaluationYear);
    if (input.parentId) {
      if (!can(actor, "comment.reply", measure) && !can(actor, "comment.publish", measure) && !can(actor, "comment.create", measure)) throw new ForbiddenError("comment.reply");
      const parent = await tx.committeeComment.findFirst({ where: { id: input.parentId, measureId: measure.id, parentId: null } });
      if (!parent) refuse("not_found", "返信先のコメントが見つかりません。");
    } else {
      assertCan(actor, "comment.create", measure);
    }
    const c = await tx.committeeComment.create({ data: { measureId: measure.id, evaluationYear: input.evaluationYear, authorId: actor.id, parentId: input.parentId ?? null, body: input.body } });
    await writeAudit(tx, { organizationId: measure.organizationId, userId: actor.id, action: input.parentId ? "comment.reply" : "comment.create", entityType: "CommitteeComment", entityId: c.id, after: { measureId: measure.id, evaluationYear: input.evaluationYear, body: input.body, parentId: input.parentId ?? null } });
    // an answer to a committee member's comment tells its author
    if (input.parentId) await notifyCommentAnswered(tx, c.id);
  });
  if (input.parentId) wakeMailSender();
}

export async function setReviewed(prisma: PrismaClient, actor: Actor, input: z.output<typeof reviewSchema>): Promise<void> {
  await inTransaction(prisma, async (tx) => {
    const measure = await measureOf(tx, actor, input.measureId);
    if (!measure) throw new ForbiddenError("review.mark");
    assertCan(actor, "review.mark", measure);
    requireInsidePlan(measure, input.evaluationYear);
    const key = { userId_measureId_evaluationYear: { userId: actor.id, measureId: measure.id, evaluationYear: input.evaluationYear } };
    if (input.reviewed) await tx.committeeReview.upsert({ where: key, create: { userId: actor.id, measureId: measure.id, evaluationYear: input.evaluationYear }, update: {} });
    else await tx.committeeReview.deleteMany({ where: { userId: actor.id, measureId: measure.id, evaluationYear: input.evaluationYear } });
    await writeAudit(tx, { organizationId: measure.organizationId, userId: actor.id, action: input.reviewed ? "review.mark" : "review.unmark", entityType: "CommitteeReview", entityId: `${actor.id}:${measure.id}:${input.evaluationYear}`, after: { reviewed: input.reviewed } });
  });
}

export async function setCommentPublished(prisma: PrismaClient, actor: Actor, input: z.output<typeof publishSchema>): Promise<void> {
  const first = await inTransaction(prisma, async (tx) => {
    const comment = await tx.committeeComment.findFirst({
      where: { id: input.commentId, measure: { plan: { organizationId: { in: actor.memberships.map((m) => m.organizationId) } } } },
      select: { id: true, published: true, measure: { select: { plan: { select: { organizationId: true } } } } },
    });
    if (!comment) throw new ForbiddenError("comment.publish");
    assertCan(actor, "comment.publish", { organizationId: comment.measure.plan.organizationId });
    await tx.committeeComment.update({ where: { id: comment.id }, data: { published: input.published } });
    await writeAudit(tx, { organizationId: comment.measure.plan.organizationId, userId: actor.id, action: input.published ? "comment.publish" : "comment.unpublish", entityType: "CommitteeComment", entityId: comment.id, before: { published: comment.published }, after: { published: input.published } });
    // the department hears of a comment on its KPI once it is published (not again when re-published)
    const firstPublished = input.published && !comment.published;
    if (firstPublished) await notifyCommentPublished(tx, comment.id, actor.id);
    return firstPublished;
  });
  if (first) wakeMailSender();
}
