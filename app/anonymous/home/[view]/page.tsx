// The anonymous reader's cached copy of /: next.config.ts rewrites / to /anonymous/home/default, by the rules in
// lib/anonymous-cache/routing.ts. A route parameter, although there is one view, so that the page is rendered on
// its first request (it needs the database) rather than at build time. Cookies and the query are empty when it
// is rendered, so it is what the public sees.
import { notFound } from "next/navigation";
import HomePage from "@/app/page";
import { HOME_VIEW } from "@/lib/anonymous-cache/routing";

export const dynamic = "force-static";
export const revalidate = 300;
export const generateStaticParams = async () => [];

export default async function AnonymousHomePage({ params }: { params: Promise<{ view: string }> }) {
  if ((await params).view !== HOME_VIEW) notFound();
  return <HomePage searchParams={Promise.resolve({})} />;
}
