// GET /api/v1 — the API's index: links (catalogue, OpenAPI, organisations, schemas) and the licence.
import { preflightResponse } from "@/lib/opendata/http";
import { serveIndex } from "@/lib/opendata/handlers";

export function GET(request: Request) {
  return serveIndex(request);
}

export const OPTIONS = preflightResponse;
