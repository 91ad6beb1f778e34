// GET …/plans/kumamoto-2020/machine-readability.json — the machine-readability rules checked on the plan's downloads.
import { db } from "@/lib/db";
import { preflightResponse } from "@/lib/opendata/http";
import { servePlan } from "@/lib/opendata/handlers";

type Context = { params: Promise<{ code: string; slug: string }> };

export async function GET(request: Request, { params }: Context) {
  const { code, slug } = await params;
  return servePlan(db, request, code, slug, "checks");
}

export const OPTIONS = preflightResponse;
