// The anonymous reader's cached copy of a KPI page (proxy.ts rewrites to it; lib/anonymous-cache/routing.ts says
// when). Rendered as static on its first request: cookies and the query are empty, so it is what the public sees.
export { default, generateMetadata } from "@/app/orgs/[code]/plans/[slug]/measures/[no]/page";
export const dynamic = "force-static";
export const revalidate = 300;
export const generateStaticParams = async () => [];
