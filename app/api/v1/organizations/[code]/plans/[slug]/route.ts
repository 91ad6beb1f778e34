// GET /api/v1/organizations/430005/plans/kumamoto-2020 — one plan in the JSON export shape, published data only.
import { db } from "@/lib/db";
import { servePlan } from "@/lib/opendata/handlers";

type Context = { params: Promise<{ code: string; slug: string }> };

export async function GET(request: Request, { params }: Context) {
  const { code, slug } = await params;
  return servePlan(db, request, code, slug, "json");
}

export { preflightResponse as OPTIONS } from "@/lib/opendata/http";
