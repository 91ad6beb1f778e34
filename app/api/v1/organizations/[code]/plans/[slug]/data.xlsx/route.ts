// GET …/plans/kumamoto-2020/data.xlsx — the plan's values, narratives and statuses as an .xlsx workbook (long format, one table per sheet).
import { db } from "@/lib/db";
import { preflightResponse } from "@/lib/opendata/http";
import { servePlan } from "@/lib/opendata/handlers";

type Context = { params: Promise<{ code: string; slug: string }> };

export async function GET(request: Request, { params }: Context) {
  const { code, slug } = await params;
  return servePlan(db, request, code, slug, "data.xlsx");
}

export const OPTIONS = preflightResponse;
