import "server-only";
// The open-data API's responses. Route handlers under app/api/v1/ only read their params and call these with
// the app's database; tests call them with their own. Only published data is served: everything goes through
// exportDataset, which reads published narratives and the applied (published) yearly values only. Every
// response carries CORS, the licence, ETag and Last-Modified and answers conditional requests with 304
// (lib/opendata/http.ts); compression is the reverse proxy's (README).
import type { PrismaClient } from "../generated/prisma/client";
import { exportDataset, organizationSummary } from "../export/dataset";
import { fiscalYearLabel } from "../fiscal-year";
import { planPath } from "../paths";
import { buildNarrativesCsv } from "./narratives-csv";
import { buildValuesCsv } from "./values-csv";
import { buildStatusesCsv } from "./statuses-csv";
import { buildDataXlsx } from "./data-workbook";
import { CSV_TYPE, JSON_LD_TYPE, JSON_TYPE, errorResponse, etagOf, isNotModifiedRequest, latest, sendData, sendDocument } from "./http";
import { licenseUrl } from "./license";
import { getOpenDataScope, listOpenDataOrganizations } from "./queries";
import { listCatalogPlans } from "./catalog-queries";
import { buildCatalog } from "./catalog";
import { buildApiIndex } from "./api-index";
import { tableSchemaResource } from "./table-schema";
import { datasetJsonSchema } from "./dataset-schema";
import { XLSX_MEDIA_TYPE } from "./media-types";
import { checkPlanFiles } from "./machine-readability/plan-files";
import { apiOrganizationJsonPath, apiPlanChecksPath, apiPlanJsonPath, apiPlanNarrativesCsvPath, apiPlanStatusesCsvPath, apiPlanValuesCsvPath, apiPlanXlsxPath } from "./paths";

export type PlanFormat = "json" | "values.csv" | "narratives.csv" | "statuses.csv" | "data.xlsx" | "checks";
type GetDb = () => PrismaClient;

export const ORGANIZATIONS_FORMAT = "kpi-dashboard/organizations";
/** Bump when the shape of a file changes without the data changing, so that ETags change too. */
export const OPEN_DATA_REVISION = "2026-12-06.statuses";
/** When the schemas (lib/opendata/columns.ts) last changed: their Last-Modified. */
export const SCHEMAS_MODIFIED = new Date("2026-12-06T12:00:00Z");

const SCHEMA_JSON_TYPE = "application/schema+json; charset=utf-8";
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

/** The site's public origin for absolute URLs (the catalogue): APP_URL when set, else the request's. */
export function publicBase(request: Request): string {
  return (process.env.APP_URL || new URL(request.url).origin).replace(/\/+$/, "");
}

/** /api/v1: what the API offers, where its descriptions are, the licence. */
export function serveIndex(request: Request): Promise<Response> {
  return guarded(async () => sendDocument(request, buildApiIndex(), { lastModified: SCHEMAS_MODIFIED }));
}

/** /api/v1/schemas/values.json, narratives.json, statuses.json: the CSV's tabular data resource (table schema, dialect, encoding);
 *  dataset.json: the JSON Schema of the JSON distribution. */
export function serveSchema(request: Request, rawName: string): Promise<Response> {
  return guarded(async () => {
    const name = rawName.replace(/\.json$/, "");
    if (name === "dataset") return sendDocument(request, datasetJsonSchema(), { lastModified: SCHEMAS_MODIFIED, contentType: SCHEMA_JSON_TYPE });
    if (name !== "values" && name !== "narratives" && name !== "statuses") return errorResponse(404, "このスキーマはありません。values.json、narratives.json、statuses.json、dataset.json です。");
    return sendDocument(request, tableSchemaResource(name), { lastModified: SCHEMAS_MODIFIED });
  });
}

/** /api/v1/catalog.jsonld: the DCAT catalogue of every organisation's published plans. */
export function serveCatalog(getDb: GetDb, request: Request): Promise<Response> {
  return guarded(async () => {
    const plans = await listCatalogPlans(getDb());
    const lastModified = latest(SCHEMAS_MODIFIED, ...plans.map((p) => p.modified));
    return sendDocument(request, buildCatalog(publicBase(request), plans), { lastModified, contentType: JSON_LD_TYPE });
  });
}

/** /api/v1/organizations: every organisation, its licence and its plans with their links. */
export function serveOrganizations(getDb: GetDb, request: Request): Promise<Response> {
  return guarded(async () => {
    const prisma = getDb();
    const [{ organizations }, plans] = await Promise.all([listOpenDataOrganizations(prisma), listCatalogPlans(prisma)]);
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
            statusesCsv: apiPlanStatusesCsvPath(o.code, p.slug),
            xlsx: apiPlanXlsxPath(o.code, p.slug),
            machineReadability: apiPlanChecksPath(o.code, p.slug),
            page: planPath(o.code, p.slug),
          },
        })),
      })),
    };
    return sendDocument(request, body, { lastModified: latest(SCHEMAS_MODIFIED, ...plans.map((p) => p.modified)) });
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
    const etag = etagOf(OPEN_DATA_REVISION, "organization", code, scope.license, scope.lastModified);
    const meta = { license: scope.license, lastModified: scope.lastModified, etag, contentType: JSON_TYPE };
    // a current copy costs the scope query only: the dataset is not built for a 304
    if (isCurrent(request, etag, scope.lastModified)) return sendData(request, "", meta);
    const data = await exportDataset(prisma, { organizationCode: code, audience: "public" });
    return sendData(request, JSON.stringify(data), meta);
  });
}

/** The client's copy is current: answered before the body is built. */
const isCurrent = isNotModifiedRequest;

const CONTENT_TYPES: Record<PlanFormat, string> = { json: JSON_TYPE, "values.csv": CSV_TYPE, "narratives.csv": CSV_TYPE, "statuses.csv": CSV_TYPE, "data.xlsx": XLSX_MEDIA_TYPE, checks: JSON_TYPE };

/** One plan as JSON (the export shape), values.csv, narratives.csv, statuses.csv, data.xlsx or its machine-readability check. */
export function servePlan(getDb: GetDb, request: Request, code: string, rawSlug: string, format: PlanFormat): Promise<Response> {
  return guarded(async () => {
    const slug = format === "json" ? rawSlug.replace(/\.json$/, "") : rawSlug;
    if (!CODE.test(code)) return errorResponse(404, NOT_FOUND_ORG);
    if (!SLUG.test(slug)) return errorResponse(404, NOT_FOUND_PLAN);
    const prisma = getDb();
    const scope = await getOpenDataScope(prisma, code, slug);
    if (!scope) return errorResponse(404, (await prisma.organization.count({ where: { code } })) > 0 ? NOT_FOUND_PLAN : NOT_FOUND_ORG);
    const etag = etagOf(OPEN_DATA_REVISION, format, code, slug, scope.license, scope.lastModified);
    const fileName = format === "json" || format === "checks" ? undefined : `${code}_${slug}_${format}`;
    const meta = { license: scope.license, lastModified: scope.lastModified, etag, contentType: CONTENT_TYPES[format], fileName };
    if (isCurrent(request, etag, scope.lastModified)) return sendData(request, "", meta);
    const data = await exportDataset(prisma, { organizationCode: code, planSlug: slug, audience: "public" });
    switch (format) {
      case "json":
        return sendData(request, JSON.stringify(data), meta);
      case "values.csv":
        return sendData(request, buildValuesCsv(data), meta);
      case "narratives.csv":
        return sendData(request, buildNarrativesCsv(data), meta);
      case "statuses.csv":
        return sendData(request, buildStatusesCsv(data), meta);
      case "data.xlsx":
        return sendData(request, await buildDataXlsx(data, scope.lastModified), meta);
      case "checks":
        return sendData(request, JSON.stringify({ format: "kpi-dashboard/machine-readability", version: 1, organizationCode: code, planSlug: slug, files: checkPlanFiles(data, await buildDataXlsx(data, scope.lastModified)) }), meta);
    }
  });
}
