// The anonymous reader's cached copy of a department page (proxy.ts rewrites to it; lib/anonymous-cache/routing.ts
// says when). Rendered as static on its first request: cookies are empty, so it is what the public sees.
export { default, generateMetadata } from "@/app/orgs/[code]/units/[unitId]/page";
export const dynamic = "force-static";
export const revalidate = 300;
export const generateStaticParams = async () => [];
