// The anonymous reader's cached copy of the plan overview: next.config.ts rewrites to it, by the rules in
// lib/anonymous-cache/routing.ts. Rendered as static on its first request: cookies and the query are empty, so
// it is what the public sees. (Route segment config must be written in each page file, so these lines repeat.)
export { default, generateMetadata } from "@/app/orgs/[code]/plans/[slug]/page";
export const dynamic = "force-static";
export const revalidate = 300;
export const generateStaticParams = async () => [];
