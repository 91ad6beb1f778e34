import "server-only";
// Reads for the open-data API and page. The data itself comes from exportDataset (lib/export/dataset.ts);
// these find what to serve, its licence and when its published data last changed.
import { ORGANIZATIONS_PER_PAGE, organizationSearchWhere } from "../organizations/search";
import type { PrismaClient } from "../generated/prisma/client";
import { latest } from "./http";
import { PUBLIC_PLAN } from "../plans/visibility";

/**
 * An organisation (and one of its plans, when a slug is given) with its licence and the time of the latest
 * change to what the export publishes: the organisation and plan rows, measures, yearly values, official
 * ratings and published narratives. Drafts do not count: an entry counts only while it is published, or by
 * the time it was last published. Null when the organisation or the plan does not exist.
 * Five aggregate queries besides the lookup, whatever the size of the plan.
 */
export async function getOpenDataScope(prisma: PrismaClient, code: string, slug?: string) {
  const org = await prisma.organization.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      dataLicense: true,
      updatedAt: true,
      plans: { where: slug === undefined ? PUBLIC_PLAN : { slug, ...PUBLIC_PLAN }, select: { id: true, slug: true, updatedAt: true } },
    },
  });
  if (!org || (slug !== undefined && org.plans.length === 0)) return null;
  const planId = { in: org.plans.map((p) => p.id) };
  const [measures, series, values, ratings, published, republished] = await Promise.all([
    prisma.measure.aggregate({ where: { planId }, _max: { updatedAt: true } }),
    prisma.valueSeries.aggregate({ where: { measure: { planId } }, _max: { updatedAt: true } }),
    prisma.seriesValue.aggregate({ where: { series: { measure: { planId } } }, _max: { updatedAt: true } }),
    prisma.officialRating.aggregate({ where: { measure: { planId } }, _max: { setAt: true } }),
    prisma.sheetEntry.aggregate({ where: { measure: { planId }, state: "published" }, _max: { updatedAt: true } }),
    prisma.sheetEntry.aggregate({ where: { measure: { planId }, publishedAt: { not: null } }, _max: { publishedAt: true } }),
  ]);
  const lastModified = latest(
    org.updatedAt,
    ...org.plans.map((p) => p.updatedAt),
    measures._max.updatedAt,
    series._max.updatedAt,
    values._max.updatedAt,
    ratings._max.setAt,
    published._max.updatedAt,
    republished._max.publishedAt,
  );
  return { code: org.code, name: org.name, license: org.dataLicense, lastModified };
}

const catalogSelect = {
  code: true,
  name: true,
  nameEn: true,
  kind: true,
  prefectureCode: true,
  dataLicense: true,
  plans: { where: PUBLIC_PLAN, orderBy: [{ startYear: "asc" as const }, { slug: "asc" as const }], select: { slug: true, name: true, startYear: true, endYear: true } },
};

/**
 * Organisations with their plans, for the list endpoint (all of them) and the open-data page (a page at a
 * time, searchable by name or code, as the national scale of about 1,800 organisations needs).
 */
export async function listOpenDataOrganizations(prisma: PrismaClient, options: { query?: string; page?: number; perPage?: number } = {}) {
  const where = organizationSearchWhere(options.query);
  const perPage = options.perPage ?? ORGANIZATIONS_PER_PAGE;
  const paged = options.page !== undefined;
  const [total, organizations] = await Promise.all([
    prisma.organization.count({ where }),
    prisma.organization.findMany({
      where,
      orderBy: [{ kind: "asc" }, { code: "asc" }],
      ...(paged ? { skip: (Math.max(1, options.page!) - 1) * perPage, take: perPage } : {}),
      select: catalogSelect,
    }),
  ]);
  return { total, organizations, pages: paged ? Math.max(1, Math.ceil(total / perPage)) : 1 };
}

export type OpenDataOrganization = Awaited<ReturnType<typeof listOpenDataOrganizations>>["organizations"][number];
