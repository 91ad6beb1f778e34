// The plan workbook (計画の設定用 Excel) of a plan: its KPI definitions as they are now, or the empty template
// for a plan without KPIs. Only for a signed-in user with plan.manage on the plan's organisation.
import { getCurrentUser } from "@/lib/auth/current-user";
import { ForbiddenError } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/actions/refusal";
import { db } from "@/lib/db";
import { xlsxResponse } from "@/lib/excel/export";
import { downloadDefinitionWorkbook } from "@/lib/plan-workbook/service";


function text(status: number, message: string) {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ code: string; slug: string }> }) {
  const { code, slug } = await params;
  const user = await getCurrentUser();
  if (!user) return text(401, "サインインしてください。");
  if (code.length > 20 || slug.length > 100) return text(404, "計画が見つかりません。");
  try {
    const result = await downloadDefinitionWorkbook(db(), user, { organizationCode: code, planSlug: slug });
    return xlsxResponse(result);
  } catch (e) {
    if (e instanceof ForbiddenError || (e instanceof Refusal && e.code === "forbidden")) return text(403, "この計画を設定する権限がありません。");
    if (e instanceof Refusal && e.code === "not_found") return text(404, "計画が見つかりません。");
    console.error("plan workbook download failed", e);
    return text(500, "Excel ファイルを作成できませんでした。時間をおいてもう一度お試しください。");
  }
}
