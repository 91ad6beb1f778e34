// The plan (or ?department=<unitId>, as in the overview's filter) as an .xlsx workbook. Public: published
// data only.
import { db } from "@/lib/db";
import { exportPlanWorkbook, xlsxResponse } from "@/lib/excel/export";
import { getCurrentUser } from "@/lib/auth/current-user";


export async function GET(request: Request, { params }: { params: Promise<{ code: string; slug: string }> }) {
  const { code, slug } = await params;
  const department = new URL(request.url).searchParams.get("department")?.trim() || undefined;
  if (department && department.length > 200) return notFound("部局が見つかりません。");
  try {
    const result = await exportPlanWorkbook(db(), { organizationCode: code, planSlug: slug, departmentId: department, reader: await getCurrentUser() });
    if ("notFound" in result) return notFound(result.notFound === "plan" ? "計画が見つかりません。" : "部局が見つかりません。");
    return xlsxResponse(result);
  } catch (e) {
    console.error("excel export failed", e);
    return new Response("Excel ファイルを作成できませんでした。時間をおいてもう一度お試しください。", { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}

function notFound(message: string) {
  return new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
