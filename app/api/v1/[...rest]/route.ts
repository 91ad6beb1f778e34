// Any other /api/v1/… address: a JSON 404 (machines read the API; an HTML error page would not help them).
import { errorResponse } from "@/lib/opendata/http";

export function GET() {
  return errorResponse(404, "この API のエンドポイントはありません。一覧は /api/v1 にあります。");
}

export { preflightResponse as OPTIONS } from "@/lib/opendata/http";
