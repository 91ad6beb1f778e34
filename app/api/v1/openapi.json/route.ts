// GET /api/v1/openapi.json — the token API's OpenAPI 3.1 document (generated from the zod schemas; no token needed).
import { buildOpenApiDocument } from "@/lib/api/openapi";

export function GET() {
  return new Response(JSON.stringify(buildOpenApiDocument()), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
