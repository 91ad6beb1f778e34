// What a token may address: only organisations its user belongs to. Another organisation's plan or KPI is
// "not found" even when it exists, so the API does not reveal what others have.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { refuse } from "../actions/refusal";
import type { Actor } from "../authz/permissions";

// a NUL byte or another control character never names anything (PostgreSQL refuses NUL in text): a 400, not a 500
const segment = z.string().min(1).max(200).regex(/^[^\u0000-\u001f\u007f]*$/, "使用できない文字が含まれています");
export const planParams = z.object({ code: segment, slug: segment });
export const measureParams = planParams.extend({ no: segment });
const fiscalYearParam = z.coerce
  .number({ message: "年度は西暦の整数で指定してください（例：2024）" })
  .int("年度は西暦の整数で指定してください（例：2024）")
  .min(2000, "年度は 2000〜2100 の西暦で指定してください")
  .max(2100, "年度は 2000〜2100 の西暦で指定してください");
export const entryParams = measureParams.extend({ fiscalYear: fiscalYearParam });
export const evaluationYearParams = planParams.extend({ fiscalYear: fiscalYearParam });

export async function findPlan(prisma: PrismaClient, actor: Actor, code: string, slug: string) {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  const plan = await prisma.plan.findFirst({
    where: { slug, organization: { code, id: { in: orgIds } } },
    select: { id: true, slug: true, name: true, status: true, organizationId: true, startYear: true, endYear: true },
  });
  if (!plan) refuse("not_found", "計画が見つかりません（団体コード・計画 ID、またはトークンの利用者の所属を確認してください）。");
  return plan;
}

export async function findMeasure(prisma: PrismaClient, actor: Actor, code: string, slug: string, number: string) {
  const plan = await findPlan(prisma, actor, code, slug);
  const measure = await prisma.measure.findUnique({
    where: { planId_number: { planId: plan.id, number } },
    select: {
      id: true,
      number: true,
      owners: { select: { unitId: true } },
      series: { orderBy: { sortOrder: "asc" }, select: { id: true, label: true, unit: true } },
    },
  });
  if (!measure) refuse("not_found", `No「${number}」の指標はこの計画にありません。`);
  return { plan, measure, resource: { organizationId: plan.organizationId, ownerUnitIds: measure.owners.map((o) => o.unitId) } };
}
