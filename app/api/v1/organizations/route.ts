// GET /api/v1/organizations — every organisation with its licence and its plans' download links (open data).
import { db } from "@/lib/db";
import { serveOrganizations } from "@/lib/opendata/handlers";

export function GET(request: Request) {
  return serveOrganizations(db, request);
}

export { preflightResponse as OPTIONS } from "@/lib/opendata/http";
