// A KPI carried over from the previous period's plan (「次期計画の作成」 links each new KPI to its predecessor):
// the predecessor's actuals, so the KPI page can show the trend across periods. Only a public predecessor plan is
// shown (a 準備中 one is its organisation's business), and nothing is merged into this period's series: the
// periods' baselines and targets differ, so the earlier actuals are shown as what they were.
import type { PrismaClient } from "../generated/prisma/client";
import { PUBLIC_PLAN } from "../plans/visibility";

export type PredecessorTrend = {
  number: string;
  name: string;
  plan: { slug: string; name: string; startYear: number; endYear: number; organizationCode: string };
  series: { label: string; unit: string | null; actuals: { year: number; value: string | null; text: string | null }[] }[];
};

export async function getPredecessorTrend(prisma: PrismaClient, predecessorId: string | null): Promise<PredecessorTrend | null> {
  if (!predecessorId) return null;
  const m = await prisma.measure.findFirst({
    where: { id: predecessorId, plan: PUBLIC_PLAN },
    select: {
      number: true,
      name: true,
      plan: { select: { slug: true, name: true, startYear: true, endYear: true, organization: { select: { code: true } } } },
      series: {
        orderBy: { sortOrder: "asc" },
        select: { label: true, unit: true, values: { where: { kind: "actual" }, orderBy: { fiscalYear: "asc" }, select: { fiscalYear: true, value: true, text: true } } },
      },
    },
  });
  if (!m) return null;
  return {
    number: m.number,
    name: m.name,
    plan: { slug: m.plan.slug, name: m.plan.name, startYear: m.plan.startYear, endYear: m.plan.endYear, organizationCode: m.plan.organization.code },
    series: m.series.map((s) => ({ label: s.label, unit: s.unit, actuals: s.values.map((v) => ({ year: v.fiscalYear, value: v.value?.toString() ?? null, text: v.text })) })),
  };
}
