import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { ForbiddenError } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/actions/refusal";
import { db } from "@/lib/db";
import { planPath } from "@/lib/paths";
import { measuresSetupPath } from "@/lib/setup/paths";
import { workbookDownloadPath, workbookSetupPath } from "@/lib/plan-workbook/paths";
import { findPlanForWorkbook } from "@/lib/plan-workbook/service";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from "@/lib/plan-workbook/form-state";
import { PlanWorkbookForm } from "@/components/plan-workbook/workbook-form";
import { workbookAction } from "./actions";

type Props = { params: Promise<{ code: string; slug: string }> };

export const metadata: Metadata = { title: "計画の設定用 Excel" };

async function loadPlan(user: Awaited<ReturnType<typeof requireUser>>, code: string, slug: string) {
  try {
    return { plan: await findPlanForWorkbook(db(), user, { organizationCode: code, planSlug: slug }) };
  } catch (e) {
    if (e instanceof ForbiddenError || (e instanceof Refusal && e.code === "forbidden")) return { forbidden: true as const };
    if (e instanceof Refusal && e.code === "not_found") return null;
    throw e;
  }
}

export default async function PlanWorkbookPage({ params }: Props) {
  const { code, slug } = await params;
  const user = await requireUser(workbookSetupPath(code, slug));
  const loaded = await loadPlan(user, code, slug);
  if (!loaded) notFound();
  const title = "計画の設定用 Excel";
  const crumbs = (name: string | null) => (
    <nav className="breadcrumbs" aria-label="パンくずリスト">
      <ol>
        <li><a href="/orgs">団体一覧</a></li>
        {name && <li><a href={planPath(code, slug)}>{name}</a></li>}
        {name && <li><a href={measuresSetupPath(code, slug)}>指標の設定</a></li>}
        <li aria-current="page">{title}</li>
      </ol>
    </nav>
  );
  if ("forbidden" in loaded) {
    return (
      <>
        {crumbs(null)}
        <h1>{title}</h1>
        <p className="form-error" role="alert">この計画を設定する権限がありません。団体の企画担当（管理者）だけが計画の指標を設定できます。</p>
      </>
    );
  }
  const { plan } = loaded;
  return (
    <>
      {crumbs(plan.name)}
      <h1>
        {title}
        <br />
        <span className="muted" style={{ fontSize: 20 }}>{plan.organization.name}・{plan.name}（{fiscalYearWithWestern(plan.startYear)}〜{fiscalYearWithWestern(plan.endYear)}）</span>
      </h1>
      <p>計画の指標（KPI）の設定を Excel ファイルでまとめて編集できます。担当・系列・基準値・目標値などを Excel や LibreOffice で入力して、アップロードしてください。</p>
      <ol>
        <li>
          <a href={workbookDownloadPath(code, slug)} download>計画の設定用 Excel をダウンロード（.xlsx）</a>
          ：いまの設定が入っています（指標がまだない計画では空のひな形になります）。
        </li>
        <li>「指標」シートを編集します。1行が指標の1系列（単年・累計など）です。各列の説明は「説明」シート、選べる値は「リスト」シートにあります。</li>
        <li>ファイルをアップロードすると、ファイル全体を確認してから、作成・変更・廃止される指標を一覧で示します。問題が1つでもあれば何も変更せず、シート・行・列を示します。</li>
        <li>内容を確認して「この内容で反映する」を押すと、まとめて反映します（1つでも反映できなければ、すべて元に戻ります）。変更は監査記録に「Excel」経由として残ります。</li>
      </ol>
      {plan.status === "active" && <p className="form-notice">この計画は運用中です。既存の系列の基準値・目標値を変えるときは、その指標の「変更理由」の列に理由を書いてください。</p>}
      <PlanWorkbookForm action={workbookAction.bind(null, code, slug)} maxBytes={MAX_UPLOAD_BYTES} maxLabel={MAX_UPLOAD_LABEL} />
    </>
  );
}
