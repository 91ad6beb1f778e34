// PUT /api/v1/organizations/{code}/plans/{slug}/evaluation-years/{fiscalYear} — open or close an evaluation year,
// with its deadline (planning division). Body { status: "open" | "closed", deadline: "2025-06-30" | null }.
import { db } from "@/lib/db";
import { apiPreflight, apiRoute, json } from "@/lib/api/route";
import { evaluationYearParams, findPlan } from "@/lib/api/scope";
import { putEvaluationYear } from "@/lib/api/evaluation";
import { problemFromResult } from "@/lib/api/problem";

export const PUT = apiRoute(evaluationYearParams, async ({ actor, params, body }) => {
  const plan = await findPlan(db(), actor, params.code, params.slug);
  const result = await putEvaluationYear(actor, plan.id, params.fiscalYear, await body());
  if (result.status === "error") return problemFromResult(result);
  return json(result.data);
});

export const OPTIONS = apiPreflight;
