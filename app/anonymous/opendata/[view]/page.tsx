// The anonymous reader's cached copy of /opendata (its first list page, no search): next.config.ts rewrites to
// /anonymous/opendata/default by the rules in lib/anonymous-cache/routing.ts. A route parameter, as for the home
// page, so that it is rendered on its first request (it needs the database) rather than at build time.
import { notFound } from "next/navigation";
import OpenDataPage from "@/app/opendata/page";
import { HOME_VIEW } from "@/lib/anonymous-cache/routing";

export { metadata } from "@/app/opendata/page";
export const dynamic = "force-static";
export const revalidate = 300;
export const generateStaticParams = async () => [];

export default async function AnonymousOpenDataPage({ params }: { params: Promise<{ view: string }> }) {
  if ((await params).view !== HOME_VIEW) notFound();
  return <OpenDataPage searchParams={Promise.resolve({})} />;
}
