// GET  /api/v1/organizations/{code}/plans/{slug}/measures — the plan's KPI definitions (token API)
// POST /api/v1/organizations/{code}/plans/{slug}/measures — add a KPI (planning division)
import { db } from "@/lib/db";
import { apiPreflight, apiRoute, json } from "@/lib/api/route";
import { findPlan, planParams } from "@/lib/api/scope";
import { createMeasure, listMeasures, readMeasure } from "@/lib/api/measures";
import { problemFromResult } from "@/lib/api/problem";

export const GET = apiRoute(planParams, async ({ actor, params }) => {
  const plan = await findPlan(db(), actor, params.code, params.slug);
  return json({ measures: await listMeasures(plan.id) });
});

export const POST = apiRoute(planParams, async ({ actor, params, body, request }) => {
  const plan = await findPlan(db(), actor, params.code, params.slug);
  const result = await createMeasure(actor, plan.id, await body());
  if (result.status === "error") return problemFromResult(result);
  const location = new URL(`${new URL(request.url).pathname}/${encodeURIComponent(result.data!.number)}`, request.url);
  return json(await readMeasure(plan.id, result.data!.number), 201, { Location: location.pathname });
});

export const OPTIONS = apiPreflight;
