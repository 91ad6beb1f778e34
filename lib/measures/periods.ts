// A KPI carried over from the previous period's plan (「次期計画の作成」 links each new KPI to its predecessor):
// the predecessor's series as that period printed them (baseline, actuals, target), so the KPI page can show the
// trend across periods. Only a public predecessor plan is shown (a 準備中 one is its organisation's business), and
// nothing is merged into this period's series: the periods' baselines and targets differ.
import type { PrismaClient } from "../generated/prisma/client";
import { PUBLIC_PLAN } from "../plans/visibility";

const str = (d: { toString(): string } | null) => (d === null ? null : d.toString());

export async function getPredecessorTrend(prisma: PrismaClient, predecessorId: string | null) {
  if (!predecessorId) return null;
  const m = await prisma.measure.findFirst({
    where: { id: predecessorId, plan: PUBLIC_PLAN },
    select: {
      number: true,
      name: true,
      plan: { select: { slug: true, name: true, startYear: true, endYear: true, organization: { select: { code: true } } } },
      series: {
        orderBy: { sortOrder: "asc" },
        select: {
          label: true,
          unit: true,
          baselineYear: true,
          baselineYearLabel: true,
          baselineValue: true,
          baselineText: true,
          targetYear: true,
          targetValue: true,
          targetText: true,
          values: { where: { kind: "actual" }, orderBy: { fiscalYear: "asc" }, select: { kind: true, fiscalYear: true, value: true, text: true } },
        },
      },
    },
  });
  if (!m) return null;
  // plain strings (the page data crosses Next's data cache as JSON): buildTrend reads them like Decimals
  return {
    number: m.number,
    name: m.name,
    plan: { slug: m.plan.slug, name: m.plan.name, startYear: m.plan.startYear, endYear: m.plan.endYear, organizationCode: m.plan.organization.code },
    series: m.series.map((s) => ({
      ...s,
      baselineValue: str(s.baselineValue),
      targetValue: str(s.targetValue),
      values: s.values.map((v) => ({ ...v, value: str(v.value) })),
    })),
  };
}

export type PredecessorTrend = NonNullable<Awaited<ReturnType<typeof getPredecessorTrend>>>;
