// The overview's filters and sort, read from the URL (shareable, back button works, no JavaScript needed).
import { z } from "zod";
import { divisionChoices, type DepartmentOption } from "./division-choices";

export { divisionChoices, type DepartmentOption };

export const SORT_KEYS = ["no", "name", "owner", "latest", "rate", "status"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));

export const overviewFiltersSchema = z.object({
  section: optionalText,
  department: optionalText,
  division: optionalText,
  status: optionalText,
  q: optionalText,
  year: z.coerce.number().int().min(1950).max(2100).optional().catch(undefined),
  sort: z.enum(SORT_KEYS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});

export type OverviewFilters = Partial<z.infer<typeof overviewFiltersSchema>>;

/** Next's searchParams (string | string[]) → filters; anything malformed is ignored, never an error page. */
export function parseOverviewFilters(params: Record<string, string | string[] | undefined>): OverviewFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = overviewFiltersSchema.safeParse(flat);
  return parsed.success ? parsed.data : {};
}

/**
 * Japanese search: compare in NFKC (full-width Ａ１ = half-width A1, half-width ｶﾅ = カナ), case-insensitive,
 * white space ignored, so 「防災」 finds 「防災士」 and 「ＫＰＩ」 finds 「KPI」.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

export function matchesSearch(query: string, ...texts: (string | null | undefined)[]): boolean {
  const q = normalizeForSearch(query);
  if (q === "") return true;
  return texts.some((t) => t && normalizeForSearch(t).includes(q));
}

/** The URL of the same view with some parameters changed (undefined removes one). */
export function overviewHref(base: string, filters: OverviewFilters, change: Partial<Record<keyof OverviewFilters, string | number | undefined>>): string {
  const merged: Record<string, string | number | undefined> = { ...filters, ...change };
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${base}?${s}` : base;
}

/** The filters as applied: a division that is not in the chosen department is dropped (it was chosen before the
 *  department changed, and is no longer offered), rather than silently matching nothing. */
export function reconcileDivision(filters: OverviewFilters, departments: DepartmentOption[]): OverviewFilters {
  if (!filters.division || !filters.department) return filters;
  const offered = divisionChoices(departments, filters.department).some((d) => d.divisions.some((v) => v.id === filters.division));
  return offered ? filters : { ...filters, division: undefined };
}
