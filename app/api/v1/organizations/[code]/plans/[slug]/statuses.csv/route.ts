// GET …/plans/kumamoto-2020/statuses.csv — each KPI's status by the plan's own rule, one row per measure ×
// evaluation year × series, with its rate, explanation, 見込み (a projection, never an actual) and official rating.
import { db } from "@/lib/db";
import { servePlan } from "@/lib/opendata/handlers";

type Context = { params: Promise<{ code: string; slug: string }> };

export async function GET(request: Request, { params }: Context) {
  const { code, slug } = await params;
  return servePlan(db, request, code, slug, "statuses.csv");
}

export { preflightResponse as OPTIONS } from "@/lib/opendata/http";
