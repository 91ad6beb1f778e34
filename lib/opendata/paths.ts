// URLs of the open-data API (/api/v1/…), built in one place. Root-relative, like lib/paths.ts.
const API = "/api/v1";
const plan = (code: string, slug: string) => `${API}/organizations/${encodeURIComponent(code)}/plans/${encodeURIComponent(slug)}`;

export const apiIndexPath = () => API;
export const apiOpenApiPath = () => `${API}/openapi.json`;
export const apiOrganizationsPath = () => `${API}/organizations`;
export const apiOrganizationJsonPath = (code: string) => `${API}/organizations/${encodeURIComponent(code)}.json`;
export const apiPlanJsonPath = plan;
export const apiPlanValuesCsvPath = (code: string, slug: string) => `${plan(code, slug)}/values.csv`;
export const apiPlanNarrativesCsvPath = (code: string, slug: string) => `${plan(code, slug)}/narratives.csv`;
/** the statuses by the plan's own rule, one row per measure × evaluation year × series (long format) */
export const apiPlanStatusesCsvPath = (code: string, slug: string) => `${plan(code, slug)}/statuses.csv`;
/** the open-data workbook: the three CSV tables as three sheets (long format, ASCII headers) */
export const apiPlanXlsxPath = (code: string, slug: string) => `${plan(code, slug)}/data.xlsx`;
/** DCAT catalogue (JSON-LD) of every organisation's published datasets */
export const apiCatalogPath = () => `${API}/catalog.jsonld`;
export type SchemaName = "values" | "narratives" | "statuses" | "dataset";
/** the Frictionless tabular data resource (table schema, dialect, encoding) of one CSV, or the JSON Schema of the JSON */
export const apiSchemaPath = (name: SchemaName) => `${API}/schemas/${name}.json`;
/** the machine-readability check of one plan's downloads (JSON) */
export const apiPlanChecksPath = (code: string, slug: string) => `${plan(code, slug)}/machine-readability.json`;
export const openDataPagePath = "/opendata";
/** the page that lists every CSV column (the human-readable twin of the schemas) */
export const openDataColumnsPagePath = "/opendata/columns";
