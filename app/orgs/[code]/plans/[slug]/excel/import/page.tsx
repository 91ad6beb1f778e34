import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getImportPageData } from "@/lib/excel/queries";
import { excelExportPath, excelImportPath } from "@/lib/excel/paths";
import { planPath } from "@/lib/paths";
import { ExcelImportForm } from "@/components/excel/import-form";
import { importExcel } from "./actions";

type Props = { params: Promise<{ code: string; slug: string }> };

export const metadata: Metadata = { title: "Excel から実績値と記述を取り込む" };

export default async function ExcelImportPage({ params }: Props) {
  const { code, slug } = await params;
  const user = await requireUser(excelImportPath(code, slug));
  const data = await getImportPageData(user, code, slug);
  if (!data) notFound();
  const { plan } = data;
  const breadcrumbs = (
    <nav className="breadcrumbs" aria-label="パンくずリスト">
      <ol>
        <li><a href="/orgs">団体一覧</a></li>
        <li><a href={planPath(code, slug)}>{plan.name}</a></li>
        <li aria-current="page">Excel の取り込み</li>
      </ol>
    </nav>
  );
  if (!data.allowed) {
    return (
      <>
        {breadcrumbs}
        <h1>Excel から実績値と記述を取り込む</h1>
        <p className="form-error" role="alert">この計画の値を取り込む権限がありません。担当課の職員または企画担当だけが取り込めます。</p>
      </>
    );
  }
  const open = plan.evaluationYears.find((y) => y.status === "open");
  return (
    <>
      {breadcrumbs}
      <h1>
        Excel から実績値と記述を取り込む
        <br />
        <span className="muted" style={{ fontSize: 20 }}>{plan.organization.name}・{plan.name}</span>
      </h1>
      <ol>
        <li>
          Excel ファイルを書き出します：<a href={excelExportPath(code, slug)}>計画全体（.xlsx）</a>
          {data.departments.map((d) => (
            <span key={d.id}>
              ・<a href={excelExportPath(code, slug, d.id)}>{d.name}の指標（.xlsx）</a>
            </span>
          ))}
        </li>
        <li>「指標」シートの、取り込む年度の実績値の列（例：R5実績値（2023））に値を入力します。数値（1,759、▲12 など）または「集計中」「－」などの文字で入力してください。</li>
        <li>「記述」シートの、その評価年度の行の「取組状況」「課題等」「今後の方向性」を書き換えます。空欄は「変更なし」です。記述を消すときは「（削除）」とだけ入力してください。</li>
        <li>ファイルをアップロードすると、すべての行を確認してから、変更される値と記述（変更前と後）を表示します。問題が1つでもあれば何も変更せず、その行と列を示します。ほかの年度の値や目標値・指標名などの変更は取り込まず、「取り込まれない変更」として一覧します。</li>
        <li>書き出した後にシートが更新された行（各行の「版」で判定）は「書き出し後に更新されています」と示します。行ごとに「現在の内容を残す」か「ファイルの内容にする」を選んでください。</li>
        <li>内容を確認して確定すると、各担当課のシートの<strong>下書き</strong>として保存されます（担当外の指標や提出済みのシートは変更できません。確認の後でシートが更新されていれば、上書きせずに取り込み直しを求めます）。</li>
      </ol>
      {plan.evaluationYears.length === 0 ? (
        <p className="form-notice" role="status">この計画には評価年度がまだありません。企画担当が評価年度の受付を始めると取り込めます。</p>
      ) : (
        <ExcelImportForm
          action={importExcel.bind(null, code, slug)}
          years={plan.evaluationYears.map((y) => ({ fiscalYear: y.fiscalYear, open: y.status === "open" }))}
          defaultYear={open?.fiscalYear ?? plan.evaluationYears[0]?.fiscalYear ?? null}
          organizationCode={code}
          planSlug={slug}
        />
      )}
    </>
  );
}
