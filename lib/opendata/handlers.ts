import "server-only";
// The open-data API's responses. Route handlers under app/api/v1/ only read their params and call these with
// the app's database; tests call them with their own. Only published data is served: everything goes through
// exportDataset, which reads published narratives and the applied (published) yearly values only.
import type { PrismaClient } from "../generated/prisma/client";
import { exportDataset, organizationSummary } from "../export/dataset";
import { fiscalYearLabel } from "../fiscal-year";
import { planPath } from "../paths";
import { buildNarrativesCsv } from "./narratives-csv";
import { buildValuesCsv } from "./values-csv";
import { CSV_TYPE, JSON_TYPE, dataHeaders, errorResponse, isNotModified } from "./http";
import { licenseUrl } from "./license";
import { getOpenDataScope, listOpenDataOrganizations } from "./queries";
import { apiOrganizationJsonPath, apiPlanJsonPath, apiPlanNarrativesCsvPath, apiPlanValuesCsvPath } from "./paths";

export type PlanFormat = "json" | "values.csv" | "narratives.csv";
type GetDb = () => PrismaClient;

export const ORGANIZATIONS_FORMAT = "kpi-dashboard/organizations";

const CODE = /^\d{6}$/; // 全国地方公共団体コード
const SLUG = /^[a-z0-9-]{1,100}$/;

const NOT_FOUND_ORG = "指定された団体コードの団体はありません。";
const NOT_FOUND_PLAN = "指定された団体に、この計画はありません。";

/** Logs the cause and answers with a generic JSON error, never the exception's text. */
async function guarded(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    console.error("[api/v1]", error);
    return errorResponse(500, "データを取得できませんでした。時間をおいて再度お試しください。");
  }
}

/** /api/v1/organizations: every organisation, its licence and its plans with their links. */
export function serveOrganizations(getDb: GetDb): Promise<Response> {
  return guarded(async () => {
    const { organizations } = await listOpenDataOrganizations(getDb());
    const body = {
      format: ORGANIZATIONS_FORMAT,
      version: 1,
      organizations: organizations.map((o) => ({
        ...organizationSummary(o),
        licenseUrl: licenseUrl(o.dataLicense),
        links: { json: apiOrganizationJsonPath(o.code) },
        plans: o.plans.map((p) => ({
          slug: p.slug,
          name: p.name,
          start: { fiscalYear: p.startYear, fiscalYearLabel: fiscalYearLabel(p.startYear) },
          end: { fiscalYear: p.endYear, fiscalYearLabel: fiscalYearLabel(p.endYear) },
          links: {
            json: apiPlanJsonPath(o.code, p.slug),
            valuesCsv: apiPlanValuesCsvPath(o.code, p.slug),
            narrativesCsv: apiPlanNarrativesCsvPath(o.code, p.slug),
            page: planPath(o.code, p.slug),
          },
        })),
      })),
    };
    return new Response(JSON.stringify(body), { headers: { "Content-Type": JSON_TYPE, "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*" } });
  });
}

/** /api/v1/organizations/430005.json (or without .json): all plans of one organisation in the export shape. */
export function serveOrganization(getDb: GetDb, request: Request, rawCode: string): Promise<Response> {
  return guarded(async () => {
    const code = rawCode.replace(/\.json$/, "");
    if (!CODE.test(code)) return errorResponse(404, NOT_FOUND_ORG);
    const prisma = getDb();
    const scope = await getOpenDataScope(prisma, code);
    if (!scope) return errorResponse(404, NOT_FOUND_ORG);
    if (isNotModified(request.headers.get("if-modified-since"), scope.lastModified)) {
      return new Response(null, { status: 304, headers: dataHeaders({ license: scope.license, lastModified: scope.lastModified }) });
    }
    const data = await exportDataset(prisma, { organizationCode: code, audience: "public" });
    return new Response(JSON.stringify(data), { headers: dataHeaders({ license: scope.license, lastModified: scope.lastModified, contentType: JSON_TYPE }) });
  });
}

/** One plan as JSON (the export shape), values.csv or narratives.csv. */
export function servePlan(getDb: GetDb, request: Request, code: string, rawSlug: string, format: PlanFormat): Promise<Response> {
  return guarded(async () => {
    const slug = format === "json" ? rawSlug.replace(/\.json$/, "") : rawSlug;
    if (!CODE.test(code)) return errorResponse(404, NOT_FOUND_ORG);
    if (!SLUG.test(slug)) return errorResponse(404, NOT_FOUND_PLAN);
    const prisma = getDb();
    const scope = await getOpenDataScope(prisma, code, slug);
    if (!scope) return errorResponse(404, (await prisma.organization.count({ where: { code } })) > 0 ? NOT_FOUND_PLAN : NOT_FOUND_ORG);
    const meta = { license: scope.license, lastModified: scope.lastModified };
    if (isNotModified(request.headers.get("if-modified-since"), scope.lastModified)) {
      return new Response(null, { status: 304, headers: dataHeaders(meta) });
    }
    const data = await exportDataset(prisma, { organizationCode: code, planSlug: slug, audience: "public" });
    if (format === "json") return new Response(JSON.stringify(data), { headers: dataHeaders({ ...meta, contentType: JSON_TYPE }) });
    const csv = format === "values.csv" ? buildValuesCsv(data) : buildNarrativesCsv(data);
    const fileName = `${code}_${slug}_${format === "values.csv" ? "values" : "narratives"}.csv`;
    return new Response(csv, { headers: dataHeaders({ ...meta, contentType: CSV_TYPE, fileName }) });
  });
}
