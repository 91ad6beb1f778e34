import "server-only";
import { cache } from "react";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { measureSheetSelect } from "./measure-select";
import { cachedData } from "../cache";
import { latestActualYearSql } from "../plans/queries";
import { getPredecessorTrend } from "./periods";
import { openYearSelect } from "../plans/evaluation-year";
import { PUBLISHED_ENTRY_SQL } from "../export/published";

/** The columns of the KPI page: the printed sheet's (measureSheetSelect) and its plan. The page's load below builds
 *  exactly this shape; Prisma's own select of it serves as its type. */
export const measurePageSelect = {
  ...measureSheetSelect,
  plan: { select: { id: true, organizationId: true, slug: true, name: true, startYear: true, endYear: true, progressRule: true, progressSettings: true, status: true, printFormName: true, organization: { select: { code: true, name: true } }, ...openYearSelect } },
} satisfies Prisma.MeasureSelect;
type MeasurePageRow = Prisma.MeasureGetPayload<{ select: typeof measurePageSelect }>;

/** Everything the KPI page needs, in three SQL statements (four for a KPI carried over from a previous period's plan),
 *  whatever the number of series, values, sheets or KPIs of the plan. */
// cached per request: the page and its metadata share one load
export const getMeasurePageData = cache((code: string, slug: string, number: string) => loadMeasurePageData(code, slug, number));

const loadMeasurePageData = cachedData("measure-page", async (code: string, slug: string, number: string) => {
  const head = await loadMeasureHead(code, slug, number);
  if (!head) return null;
  const { neighbours, planLatestYear, entries, ...fields } = head;
  // the series with their values: two statements (Prisma loads the values of every series in one)
  const [series, predecessor] = await Promise.all([
    db().valueSeries.findMany({ where: { measureId: head.id }, orderBy: { sortOrder: "asc" }, select: measureSheetSelect.series.select }),
    getPredecessorTrend(db(), head.predecessorId),
  ]);
  const measure: MeasurePageRow = { ...fields, series, entries: entries.map((e) => ({ ...e, publishedAt: e.publishedAt === null ? null : new Date(e.publishedAt) })) };
  return { measure, previous: neighbours?.previous ?? null, next: neighbours?.next ?? null, planLatestYear, predecessor };
});

export type MeasurePageData = NonNullable<Awaited<ReturnType<typeof getMeasurePageData>>>;

type Neighbour = { number: string; name: string } | null;
type HeadRow = Omit<MeasurePageRow, "series" | "entries"> & {
  /** as epoch milliseconds (JSON has no dates) */
  entries: (Omit<MeasurePageRow["entries"][number], "publishedAt"> & { publishedAt: number | null })[];
  neighbours: { previous: Neighbour; next: Neighbour } | null;
  planLatestYear: number | null;
};

/**
 * The KPI, its plan, section, owners, official ratings, published sheet entries, the previous and next KPI of the
 * plan and the plan's latest actual year, in one statement: Prisma (without the relationJoins preview) would send
 * one statement per relation. Aliases start with h so that latestActualYearSql's own ones do not shadow them.
 */
async function loadMeasureHead(code: string, slug: string, number: string): Promise<HeadRow | null> {
  const doc = (alias: string) => Prisma.raw(`CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('fileName', ${alias}."fileName", 'title', ${alias}.title) END`);
  const rows = await db().$queryRaw<HeadRow[]>`
    SELECT hm.id, hm.number, hm.name, hm.kind::text AS kind, hm."sortOrder", hm."sectionId", hm.footnote, hm.notes,
      hm.confidence::text AS confidence, hm."confidenceNote", hm."sourceLineStart", hm."sourceLineEnd", hm."retiredAt",
      hm."predecessorId", hm."updatedVia"::text AS "updatedVia", hm."updatedById", hm."updatedAt",
      ${doc("hd")} AS "sourceDocument",
      CASE WHEN hs.id IS NULL THEN NULL ELSE json_build_object('key', hs.key, 'label', hs.label, 'title', hs.title,
        'parent', CASE WHEN hsp.id IS NULL THEN NULL ELSE json_build_object('key', hsp.key, 'label', hsp.label, 'title', hsp.title) END) END AS section,
      json_build_object('id', hp.id, 'organizationId', hp."organizationId", 'slug', hp.slug, 'name', hp.name, 'startYear', hp."startYear",
        'endYear', hp."endYear", 'progressRule', hp."progressRule", 'progressSettings', hp."progressSettings", 'status', hp.status,
        'printFormName', hp."printFormName", 'organization', json_build_object('code', ho.code, 'name', ho.name),
        'evaluationYears', (SELECT coalesce(json_agg(json_build_object('fiscalYear', y."fiscalYear", 'status', y.status)), '[]'::json)
          FROM "EvaluationYear" y WHERE y."planId" = hp.id AND y.status = 'open')) AS plan,
      (SELECT coalesce(json_agg(json_build_object('unit', json_build_object('id', u.id, 'name', u.name,
          'parent', CASE WHEN up.id IS NULL THEN NULL ELSE json_build_object('id', up.id, 'name', up.name) END)) ORDER BY o."sortOrder"), '[]'::json)
        FROM "MeasureOwner" o JOIN "OrgUnit" u ON u.id = o."unitId" LEFT JOIN "OrgUnit" up ON up.id = u."parentId"
        WHERE o."measureId" = hm.id) AS owners,
      -- in year order: the page falls back to the latest rating for a year without one
      (SELECT coalesce(json_agg(json_build_object('evaluationYear', r."evaluationYear", 'rating', r.rating, 'reason', r.reason) ORDER BY r."evaluationYear"), '[]'::json)
        FROM "OfficialRating" r WHERE r."measureId" = hm.id) AS "officialRatings",
      (SELECT coalesce(json_agg(json_build_object('evaluationYear', e."evaluationYear", 'publishedEffortStatus', e."publishedEffortStatus",
          'publishedIssues', e."publishedIssues", 'publishedDirection', e."publishedDirection", 'sourceLineStart', e."sourceLineStart",
          'sourceLineEnd', e."sourceLineEnd", 'sourceDocument', ${doc("ed")}, 'updatedVia', e."updatedVia",
          'publishedAt', (extract(epoch FROM e."publishedAt") * 1000)::bigint,
          'publishedBy', CASE WHEN eu.id IS NULL THEN NULL ELSE json_build_object('name', eu.name) END) ORDER BY e."evaluationYear"), '[]'::json)
        FROM "SheetEntry" e LEFT JOIN "SourceDocument" ed ON ed.id = e."sourceDocumentId" LEFT JOIN "User" eu ON eu.id = e."publishedById"
        WHERE e."measureId" = hm.id AND ${Prisma.raw(PUBLISHED_ENTRY_SQL)}) AS entries,
      -- the previous and next KPI in the plan's order; retired KPIs are left out of the links (their own page still opens)
      (SELECT json_build_object(
          'previous', CASE WHEN n.pn IS NULL THEN NULL ELSE json_build_object('number', n.pn, 'name', n.pname) END,
          'next', CASE WHEN n.nn IS NULL THEN NULL ELSE json_build_object('number', n.nn, 'name', n.nname) END)
        FROM (SELECT s.id, lag(s.number) OVER w AS pn, lag(s.name) OVER w AS pname, lead(s.number) OVER w AS nn, lead(s.name) OVER w AS nname
          FROM "Measure" s WHERE s."planId" = hm."planId" AND (s."retiredAt" IS NULL OR s.id = hm.id)
          WINDOW w AS (ORDER BY s."sortOrder", s.id)) n
        WHERE n.id = hm.id) AS neighbours,
      ${latestActualYearSql(Prisma.sql`hp.id`)} AS "planLatestYear"
    FROM "Measure" hm
    JOIN "Plan" hp ON hp.id = hm."planId"
    JOIN "Organization" ho ON ho.id = hp."organizationId"
    LEFT JOIN "SourceDocument" hd ON hd.id = hm."sourceDocumentId"
    LEFT JOIN "PlanSection" hs ON hs.id = hm."sectionId"
    LEFT JOIN "PlanSection" hsp ON hsp.id = hs."parentId"
    WHERE hm.number = ${number} AND hp.slug = ${slug} AND ho.code = ${code}
    LIMIT 1`;
  return rows[0] ?? null;
}
