// GET /api/v1/organizations/{code}/plans/{slug}/measures/{no}/entries/{fiscalYear} — the year's sheet (draft for
//     its department and the planning division, otherwise the published one)
// PUT … — save a draft: values by series label as typed (「1,759」「集計中」), narratives; `version` locks
import { db } from "@/lib/db";
import { apiPreflight, apiRoute } from "@/lib/api/route";
import { entryParams, findMeasure } from "@/lib/api/scope";
import { putSheet, sheetAnswer } from "@/lib/api/sheets";

export const GET = apiRoute(entryParams, async ({ actor, params }) => {
  const found = await findMeasure(db(), actor, params.code, params.slug, params.no);
  return sheetAnswer(actor, found, params.fiscalYear);
});

export const PUT = apiRoute(entryParams, async ({ actor, params, body }) => {
  const found = await findMeasure(db(), actor, params.code, params.slug, params.no);
  return putSheet(actor, found, params.fiscalYear, await body());
});

export const OPTIONS = apiPreflight;
