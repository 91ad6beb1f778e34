// POST /api/v1/organizations/{code}/plans/{slug}/measures/{no}/entries/{fiscalYear}/submit — body { version }:
// submit the current draft for approval (department).
import { db } from "@/lib/db";
import { apiPreflight, apiRoute } from "@/lib/api/route";
import { entryParams, findMeasure } from "@/lib/api/scope";
import { submitSheet } from "@/lib/api/sheets";

export const POST = apiRoute(entryParams, async ({ actor, params, body }) => {
  const found = await findMeasure(db(), actor, params.code, params.slug, params.no);
  return submitSheet(actor, found, params.fiscalYear, await body());
});

export const OPTIONS = apiPreflight;
