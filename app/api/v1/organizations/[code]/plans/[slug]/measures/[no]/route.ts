// GET   /api/v1/organizations/{code}/plans/{slug}/measures/{no} — one KPI's definition (token API)
// PATCH /api/v1/organizations/{code}/plans/{slug}/measures/{no} — change top-level fields of it (planning division)
import { db } from "@/lib/db";
import { apiPreflight, apiRoute, json } from "@/lib/api/route";
import { findMeasure, findPlan, measureParams } from "@/lib/api/scope";
import { patchMeasure, readMeasure } from "@/lib/api/measures";
import { problemFromResult } from "@/lib/api/problem";

export const GET = apiRoute(measureParams, async ({ actor, params }) => {
  const { plan } = await findMeasure(db(), actor, params.code, params.slug, params.no);
  return json(await readMeasure(plan.id, params.no));
});

export const PATCH = apiRoute(measureParams, async ({ actor, params, body }) => {
  const plan = await findPlan(db(), actor, params.code, params.slug);
  const result = await patchMeasure(actor, plan.id, params.no, await body());
  if (result.status === "error") return problemFromResult(result);
  return json(await readMeasure(plan.id, result.data!.number));
});

export const OPTIONS = apiPreflight;
