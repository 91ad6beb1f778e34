// GET /api/v1/openapi.json — the token API's OpenAPI 3.1 document (generated from the zod schemas; no token needed).
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { sendDocument } from "@/lib/opendata/http";
import { SCHEMAS_MODIFIED } from "@/lib/opendata/handlers";

export function GET(request: Request) {
  return sendDocument(request, buildOpenApiDocument(), { lastModified: SCHEMAS_MODIFIED });
}

export { preflightResponse as OPTIONS } from "@/lib/opendata/http";
