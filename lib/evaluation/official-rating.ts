// The planning division's official rating of a KPI for an evaluation year, on the plan's own scale (the rule's
// statuses: S/A/B/C, ◎○△×, 達成…, ○△×). A rating that differs from the computed status needs a reason, which
// shows beside it on the KPI page and in the committee's list. On the one action path (lib/actions).
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { inTransaction } from "../actions/transaction";
import { refuse } from "../actions/refusal";
import { can, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import { measureStatus } from "../measures/measure-status";
import { seriesSelect } from "../measures/measure-select";
import { planRule, toSeriesInput } from "../measures/series-input";
import { normalizeMark, officialScale } from "../progress/evaluate";

export const officialRatingSchema = z.object({
  measureId: z.string().trim().min(1).max(100),
  evaluationYear: z.coerce.number().int().min(2000, "年度を選んでください").max(2100, "年度を選んでください"),
  rating: z.string().trim().min(1, "評価を選んでください").max(20, "評価を選んでください"),
  reason: z
    .string()
    .trim()
    .max(1000, "1,000文字以内で入力してください")
    .optional()
    .transform((v) => v || null),
});
export type OfficialRatingInput = z.output<typeof officialRatingSchema>;

export async function setOfficialRating(prisma: PrismaClient, actor: Actor, input: OfficialRatingInput): Promise<{ rating: string; differs: boolean }> {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  const measure = await prisma.measure.findFirst({
    where: { id: input.measureId, plan: { organizationId: { in: orgIds } } },
    select: {
      id: true,
      kind: true,
      series: { orderBy: { sortOrder: "asc" }, select: seriesSelect },
      plan: { select: { organizationId: true, startYear: true, endYear: true, progressRule: true, progressSettings: true } },
    },
  });
  if (!measure) refuse("not_found", "指標が見つかりません。");
  const { plan } = measure;
  if (!can(actor, "rating.set", { organizationId: plan.organizationId })) refuse("forbidden", "この操作を行う権限がありません。");
  // an official rating is of one of the plan's evaluations: the years an evaluation year may be opened for
  if (input.evaluationYear < plan.startYear - 1 || input.evaluationYear > plan.endYear + 1) {
    refuse("invalid", "計画期間外の年度です。", { evaluationYear: "計画期間内の年度を選んでください" });
  }
  const scale = officialScale(plan.progressRule);
  const rating = scale.find((mark) => normalizeMark(mark) === normalizeMark(input.rating));
  if (!rating) refuse("invalid", "入力内容を確認してください。", { rating: `この計画の評価は ${scale.join("・")} から選んでください` });

  const computed = measureStatus(measure.kind, measure.series.map(toSeriesInput), planRule(plan), input.evaluationYear, null);
  const differs = computed.status !== "not_judgeable" && computed.statusLabel !== rating;
  if (differs && !input.reason) {
    refuse("invalid", "入力内容を確認してください。", { reason: `算出した判定（${computed.statusLabel}）と異なる評価にするときは、理由を入力してください` });
  }
  const reason = differs ? input.reason : null;

  await inTransaction(prisma, async (tx) => {
    const key = { measureId_evaluationYear: { measureId: measure.id, evaluationYear: input.evaluationYear } };
    const before = await tx.officialRating.findUnique({ where: key });
    const row = await tx.officialRating.upsert({
      where: key,
      create: { measureId: measure.id, evaluationYear: input.evaluationYear, rating, reason, source: "manual", setById: actor.id },
      update: { rating, reason, source: "manual", setById: actor.id, setAt: new Date() },
    });
    await writeAudit(tx, {
      organizationId: plan.organizationId,
      userId: actor.id,
      action: "rating.set",
      entityType: "OfficialRating",
      entityId: row.id,
      before: before && { rating: before.rating, reason: before.reason, source: before.source },
      after: { rating: row.rating, reason: row.reason, computed: computed.statusLabel, source: row.source, measureId: measure.id, evaluationYear: input.evaluationYear },
      via: actor.via,
    });
  });
  return { rating, differs };
}
