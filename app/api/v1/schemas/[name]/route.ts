// GET /api/v1/schemas/values.json, narratives.json, statuses.json — the CSV files' table schemas (Frictionless); dataset.json — the JSON Schema.
import { preflightResponse } from "@/lib/opendata/http";
import { serveSchema } from "@/lib/opendata/handlers";

type Context = { params: Promise<{ name: string }> };

export async function GET(request: Request, { params }: Context) {
  return serveSchema(request, (await params).name);
}

export const OPTIONS = preflightResponse;
