import "server-only";
// A KPI page's route: its parameters → the page data for this reader, or null for a 404. Apart from the queries
// (lib/measures/queries.ts) because it asks who is reading: the benchmark's query counter and other scripts load
// the queries without Next's request context.
import { getCurrentUser } from "../auth/current-user";
import { canSeePlan } from "../plans/visibility";
import { getMeasurePageData } from "./queries";

/** A KPI route's parameters (the No arrives URL-encoded: 「追加1」) → the page data, or null for a 404. */
export async function getMeasureForRoute(params: Promise<{ code: string; slug: string; no: string }>) {
  const { code, slug, no } = await params;
  const data = await getMeasurePageData(code, slug, decodeURIComponent(no));
  // a plan being set up (準備中) is its organisation's business only
  if (data && !canSeePlan(await getCurrentUser(), data.measure.plan)) return null;
  return data ? { code, slug, data } : null;
}
