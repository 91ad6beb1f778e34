// GET …/plans/kumamoto-2020/narratives.csv — published 取組状況 / 課題等 / 今後の方向性, one row per line.
import { db } from "@/lib/db";
import { servePlan } from "@/lib/opendata/handlers";

type Context = { params: Promise<{ code: string; slug: string }> };

export async function GET(request: Request, { params }: Context) {
  const { code, slug } = await params;
  return servePlan(db, request, code, slug, "narratives.csv");
}

export { preflightResponse as OPTIONS } from "@/lib/opendata/http";
