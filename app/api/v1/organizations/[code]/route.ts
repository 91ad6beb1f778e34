// GET /api/v1/organizations/430005.json (or …/430005) — every plan of one organisation, published data only.
import { db } from "@/lib/db";
import { serveOrganization } from "@/lib/opendata/handlers";

type Context = { params: Promise<{ code: string }> };

export async function GET(request: Request, { params }: Context) {
  const { code } = await params;
  return serveOrganization(db, request, code);
}

export { preflightResponse as OPTIONS } from "@/lib/opendata/http";
