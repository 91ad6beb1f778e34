// GET /api/v1/catalog.jsonld — the DCAT catalogue (JSON-LD) of every organisation's published datasets.
import { db } from "@/lib/db";
import { preflightResponse } from "@/lib/opendata/http";
import { serveCatalog } from "@/lib/opendata/handlers";

export function GET(request: Request) {
  return serveCatalog(db, request);
}

export const OPTIONS = preflightResponse;
