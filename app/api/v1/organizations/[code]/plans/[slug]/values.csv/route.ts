// GET …/plans/kumamoto-2020/values.csv — baseline, actual and target values, one row per measure, series and year.
import { db } from "@/lib/db";
import { servePlan } from "@/lib/opendata/handlers";

type Context = { params: Promise<{ code: string; slug: string }> };

export async function GET(request: Request, { params }: Context) {
  const { code, slug } = await params;
  return servePlan(db, request, code, slug, "values.csv");
}

export { preflightResponse as OPTIONS } from "@/lib/opendata/http";
