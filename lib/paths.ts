// URLs of the dashboard's pages, built in one place.
export const planPath = (code: string, slug: string) => `/orgs/${code}/plans/${slug}`;
export const measurePath = (code: string, slug: string, no: string, year?: number) =>
  `${planPath(code, slug)}/measures/${encodeURIComponent(no)}${year ? `?year=${year}` : ""}`;
export const unitPath = (code: string, unitId: string) => `/orgs/${code}/units/${unitId}`;
export const printPath = (code: string, slug: string, no: string) => `${measurePath(code, slug, no)}/print`;
