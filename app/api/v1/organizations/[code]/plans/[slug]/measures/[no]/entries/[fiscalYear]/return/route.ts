// POST /api/v1/organizations/{code}/plans/{slug}/measures/{no}/entries/{fiscalYear}/return — body { version, reason }:
// send a submitted sheet back with a reason (planning division).
import { db } from "@/lib/db";
import { apiPreflight, apiRoute } from "@/lib/api/route";
import { entryParams, findMeasure } from "@/lib/api/scope";
import { returnSheet } from "@/lib/api/sheets";

export const POST = apiRoute(entryParams, async ({ actor, params, body }) => {
  const found = await findMeasure(db(), actor, params.code, params.slug, params.no);
  return returnSheet(actor, found, params.fiscalYear, await body());
});

export const OPTIONS = apiPreflight;
