// Anonymous readers of the public pages all see the same page, so those pages are rendered once and kept in
// Next's full-route cache (ISR, in memory: next.config.ts) until something is written (lib/cache.ts) or five
// minutes pass. next.config.ts rewrites such a request to the cached copy under /anonymous (the same page
// modules, rendered as static: no cookies, no query); everyone else — signed-in users, filtered or sorted
// overviews, another evaluation year — gets the page rendered for them as before.
//
// Rewrites in next.config.ts rather than in proxy.ts: Next handles them inside the server, while a proxy
// rewrite is sent through an HTTP proxy back to the server when it is bound to 127.0.0.1 (NextURL renames the
// host to "localhost", so the rewrite looks like another origin), which doubles the work of every request.
import type { NextConfig } from "next";
import { overviewFiltersSchema } from "../plans/overview-filters";
import { SESSION_COOKIES } from "../auth/session-cookies";

export { SESSION_COOKIES };

/** One rewrite rule, as next.config's public `rewrites` type has it (not a type from Next's internals). */
type RewriteRules = Awaited<ReturnType<NonNullable<NextConfig["rewrites"]>>>;
type Rewrite = Extract<RewriteRules, unknown[]>[number];

/** The internal prefix of the cached copies; never a URL anyone is given. */
export const ANONYMOUS_PREFIX = "/anonymous";

/** proxy.ts sets this request header when a cached page's URL names no existing plan, KPI or department. */
export const UNCACHED_HEADER = "x-kpi-uncached";

/** The home page's copy is /anonymous/home/default (a route parameter: app/anonymous/home/[view]/page.tsx). */
export const HOME_VIEW = "default";

/** The query parameters that change what a public page shows: filters, sort and evaluation year. Any other
 *  parameter (?utm_source=…) is ignored by the pages, so the cached copy is the right answer for it. */
export const VIEW_PARAMETERS = Object.keys(overviewFiltersSchema.shape);

/** The open-data page's search and paging (lib/organizations/search.ts). */
export const OPEN_DATA_VIEW_PARAMETERS = ["q", "page"];

/** The public pages with a cached copy: the home page, a plan's overview, a KPI page, a department page, the
 *  open-data page; with the query parameters that change what each shows. */
const CACHED_PAGES: [source: string, destination: string, viewParameters: string[]][] = [
  ["/", `${ANONYMOUS_PREFIX}/home/${HOME_VIEW}`, VIEW_PARAMETERS],
  ["/orgs/:code/plans/:slug", `${ANONYMOUS_PREFIX}/orgs/:code/plans/:slug`, VIEW_PARAMETERS],
  ["/orgs/:code/plans/:slug/measures/:no", `${ANONYMOUS_PREFIX}/orgs/:code/plans/:slug/measures/:no`, VIEW_PARAMETERS],
  ["/orgs/:code/units/:unitId", `${ANONYMOUS_PREFIX}/orgs/:code/units/:unitId`, VIEW_PARAMETERS],
  ["/opendata", `${ANONYMOUS_PREFIX}/opendata/${HOME_VIEW}`, OPEN_DATA_VIEW_PARAMETERS],
];

export function anonymousCacheRewrites(): Rewrite[] {
  return CACHED_PAGES.map(([source, destination, viewParameters]) => ({ source, destination, missing: missingFor(viewParameters) }));
}

function missingFor(viewParameters: string[]): NonNullable<Rewrite["missing"]> {
  return [
    ...SESSION_COOKIES.map((key) => ({ type: "cookie" as const, key })),
    ...viewParameters.map((key) => ({ type: "query" as const, key })),
    { type: "header", key: "next-action" }, // a server action is answered by the page it was posted to
    { type: "header", key: UNCACHED_HEADER }, // a request carrying it never reaches the cache; proxy.ts removes a client's copy and answers a URL that names no real page with the prerendered 404
  ];
}
