// A KPI carried over from the previous period's plan (「次期計画の作成」 links each new KPI to its predecessor):
// the predecessor's series as that period printed them (baseline, actuals, target), so the KPI page can show the
// trend across periods. Only a public predecessor plan is shown (a 準備中 one is its organisation's business), and
// nothing is merged into this period's series: the periods' baselines and targets differ.
import { Prisma, type PrismaClient } from "../generated/prisma/client";

type Cell = { kind: "actual"; fiscalYear: number; value: string | null; text: string | null };
type PredecessorSeries = {
  label: string;
  unit: string | null;
  baselineYear: number | null;
  baselineYearLabel: string | null;
  baselineValue: string | null;
  baselineText: string | null;
  targetYear: number | null;
  targetValue: string | null;
  targetText: string | null;
  values: Cell[];
};
export type PredecessorTrend = {
  number: string;
  name: string;
  plan: { slug: string; name: string; startYear: number; endYear: number; organizationCode: string };
  series: PredecessorSeries[];
};

/** One statement (the KPI page counts its statements): the decimals as plain strings written as Prisma writes them
 *  (trim_scale: 1759, not 1759.000000), since the page data crosses Next's data cache as JSON; buildTrend reads
 *  them like Decimals. */
export async function getPredecessorTrend(prisma: PrismaClient, predecessorId: string | null): Promise<PredecessorTrend | null> {
  if (!predecessorId) return null;
  const dec = (column: string) => Prisma.raw(`trim_scale(${column})::text`);
  const rows = await prisma.$queryRaw<PredecessorTrend[]>`
    SELECT m.number, m.name,
      json_build_object('slug', p.slug, 'name', p.name, 'startYear', p."startYear", 'endYear', p."endYear", 'organizationCode', o.code) AS plan,
      (SELECT coalesce(json_agg(json_build_object('label', s.label, 'unit', s.unit, 'baselineYear', s."baselineYear",
          'baselineYearLabel', s."baselineYearLabel", 'baselineValue', ${dec('s."baselineValue"')}, 'baselineText', s."baselineText",
          'targetYear', s."targetYear", 'targetValue', ${dec('s."targetValue"')}, 'targetText', s."targetText",
          'values', (SELECT coalesce(json_agg(json_build_object('kind', v.kind, 'fiscalYear', v."fiscalYear", 'value', ${dec("v.value")}, 'text', v.text)
              ORDER BY v."fiscalYear"), '[]'::json)
            FROM "SeriesValue" v WHERE v."seriesId" = s.id AND v.kind = 'actual')) ORDER BY s."sortOrder"), '[]'::json)
        FROM "ValueSeries" s WHERE s."measureId" = m.id) AS series
    FROM "Measure" m
    JOIN "Plan" p ON p.id = m."planId"
    JOIN "Organization" o ON o.id = p."organizationId"
    -- only a public plan's KPI (PUBLIC_PLAN: a plan being set up is not shown)
    WHERE m.id = ${predecessorId} AND p.status <> 'preparing'`;
  return rows[0] ?? null;
}
