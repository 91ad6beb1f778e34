// GET /api/v1: the API's index — what it offers, where it is described, under which licence. Pure.
import { DEFAULT_LICENSE, PDL_URL, EDIT_NOTICE } from "./license";
import { apiCatalogPath, apiIndexPath, apiOpenApiPath, apiOrganizationsPath, apiSchemaPath, openDataPagePath } from "./paths";
import { RULES_SOURCE } from "./machine-readability/rules";

export function buildApiIndex() {
  const plan = `${apiOrganizationsPath()}/{code}/plans/{slug}`;
  return {
    format: "kpi-dashboard/api-index",
    version: 1,
    title: "地方創生総合戦略 KPI ダッシュボード API",
    description: "公開済みの KPI データ（オープンデータ、認証不要・GET）と、API トークンで使う更新用の API。",
    license: { name: DEFAULT_LICENSE, url: PDL_URL, note: `団体が別のライセンスを定めた場合は、各データの license と応答ヘッダー（Link rel="license"、X-Data-License）に示します。${EDIT_NOTICE}` },
    documentation: openDataPagePath,
    links: {
      self: apiIndexPath(),
      openapi: apiOpenApiPath(),
      catalog: apiCatalogPath(),
      organizations: apiOrganizationsPath(),
      organization: `${apiOrganizationsPath()}/{code}.json`,
      plan,
      valuesCsv: `${plan}/values.csv`,
      narrativesCsv: `${plan}/narratives.csv`,
      statusesCsv: `${plan}/statuses.csv`,
      xlsx: `${plan}/data.xlsx`,
      machineReadability: `${plan}/machine-readability.json`,
      schemas: { values: apiSchemaPath("values"), narratives: apiSchemaPath("narratives"), statuses: apiSchemaPath("statuses"), dataset: apiSchemaPath("dataset") },
    },
    http: {
      cors: "Access-Control-Allow-Origin: *。条件付き要求（If-None-Match / If-Modified-Since）のプリフライト（OPTIONS）にも答えます。",
      caching: "ETag と Last-Modified を返し、条件付き要求には変わっていなければ 304 を返します（Cache-Control: no-cache）。",
      compression: "圧縮（gzip / brotli）は公開環境の前段のリバースプロキシが行います（README）。",
    },
    machineReadabilityRules: RULES_SOURCE,
  };
}
