import "server-only";
// The catalogue's reads: every public plan with its organisation and the time its published data last changed
// (the same sources as getOpenDataScope's Last-Modified), in one query whatever the number of plans.
import type { PrismaClient } from "../generated/prisma/client";

export type CatalogPlanRow = {
  code: string;
  organizationName: string;
  organizationNameEn: string | null;
  kind: string;
  prefectureCode: string | null;
  license: string;
  slug: string;
  name: string;
  description: string | null;
  startYear: number;
  endYear: number;
  issued: Date;
  modified: Date;
};

export async function listCatalogPlans(prisma: PrismaClient): Promise<CatalogPlanRow[]> {
  return prisma.$queryRaw<CatalogPlanRow[]>`
    SELECT o.code, o.name AS "organizationName", o."nameEn" AS "organizationNameEn", o.kind::text AS kind,
           o."prefectureCode", o."dataLicense" AS license,
           p.slug, p.name, p.description, p."startYear", p."endYear", p."createdAt" AS issued,
           GREATEST(
             o."updatedAt", p."updatedAt",
             (SELECT max(m."updatedAt") FROM "Measure" m WHERE m."planId" = p.id),
             (SELECT max(s."updatedAt") FROM "ValueSeries" s JOIN "Measure" m ON m.id = s."measureId" WHERE m."planId" = p.id),
             (SELECT max(v."updatedAt") FROM "SeriesValue" v JOIN "ValueSeries" s ON s.id = v."seriesId" JOIN "Measure" m ON m.id = s."measureId" WHERE m."planId" = p.id),
             (SELECT max(r."setAt") FROM "OfficialRating" r JOIN "Measure" m ON m.id = r."measureId" WHERE m."planId" = p.id),
             (SELECT max(e."updatedAt") FROM "SheetEntry" e JOIN "Measure" m ON m.id = e."measureId" WHERE m."planId" = p.id AND e.state = 'published'),
             (SELECT max(e."publishedAt") FROM "SheetEntry" e JOIN "Measure" m ON m.id = e."measureId" WHERE m."planId" = p.id)
           ) AS modified
    FROM "Plan" p JOIN "Organization" o ON o.id = p."organizationId"
    WHERE p.status <> 'preparing'
    ORDER BY o.kind, o.code, p."startYear", p.slug`;
}
