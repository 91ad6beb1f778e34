// URLs of the open-data API (/api/v1/…), built in one place. Root-relative, like lib/paths.ts.
const API = "/api/v1";
const plan = (code: string, slug: string) => `${API}/organizations/${encodeURIComponent(code)}/plans/${encodeURIComponent(slug)}`;

export const apiOrganizationsPath = () => `${API}/organizations`;
export const apiOrganizationJsonPath = (code: string) => `${API}/organizations/${encodeURIComponent(code)}.json`;
export const apiPlanJsonPath = plan;
export const apiPlanValuesCsvPath = (code: string, slug: string) => `${plan(code, slug)}/values.csv`;
export const apiPlanNarrativesCsvPath = (code: string, slug: string) => `${plan(code, slug)}/narratives.csv`;
export const openDataPagePath = "/opendata";
