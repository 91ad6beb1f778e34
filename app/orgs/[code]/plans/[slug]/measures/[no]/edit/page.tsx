import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getSheetEditData, STATE_LABELS } from "@/lib/sheets/queries";
import { fiscalYearLabel, fiscalYearWithWestern } from "@/lib/fiscal-year";
import { measurePath, planPath } from "@/lib/paths";
import { SheetEntryForm } from "@/components/sheets/sheet-entry-form";
import { getSheetEditContext } from "@/lib/sheets/edit-context";
import { ValuesTable } from "@/components/measure/values-table";
import { SheetDeadline } from "@/components/sheets/sheet-deadline";
import { saveSheet } from "./actions";

type Props = { params: Promise<{ code: string; slug: string; no: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "シートの編集" };

export default async function EditSheetPage({ params, searchParams }: Props) {
  const { code, slug, no } = await params;
  const number = decodeURIComponent(no);
  const user = await requireUser(`${measurePath(code, slug, number)}/edit`);
  const sp = await searchParams;
  const data = await getSheetEditData(user, code, slug, number, typeof sp.year === "string" ? Number(sp.year) : undefined);
  if (!data) notFound();
  if (data.forbidden) {
    return (
      <>
        <h1>No {data.measure.number} {data.measure.name}</h1>
        <p className="form-error" role="alert">このシートを編集する権限がありません。担当部局・課の職員だけが編集できます。</p>
        <p><a href={measurePath(code, slug, number)}>指標のページへ戻る</a></p>
      </>
    );
  }
  const { measure, entry, year, evaluation } = data;
  const state = entry ? entry.state : "none";
  // earlier years and targets, the published text, the deadline that holds for this sheet, the status preview
  const context = year === null ? null : await getSheetEditContext({ id: measure.id, planId: measure.plan.id, ownerUnitIds: measure.owners.map((o) => o.unitId) }, year);
  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href="/work">担当シート</a></li>
          <li><a href={planPath(code, slug)}>{measure.plan.name}</a></li>
          <li><a href={measurePath(code, slug, number)}>No {measure.number}</a></li>
          <li aria-current="page">編集</li>
        </ol>
      </nav>
      <h1>
        <span className="muted">No {measure.number}</span> {measure.name}
      </h1>
      <dl className="measure-meta">
        <dt>担当</dt>
        <dd>{measure.owners.map((o) => [o.unit.parent?.name, o.unit.name].filter(Boolean).join(" ")).join("、")}</dd>
        <dt>評価年度</dt>
        <dd>{year ? fiscalYearWithWestern(year) : "－"}（{evaluation?.status === "open" ? "受付中" : "受付していません"}）</dd>
        {context && evaluation?.status === "open" && (
          <>
            <dt>提出期限</dt>
            <dd><SheetDeadline deadline={context.deadline} extended={context.extended} sheetState={state} now={new Date()} /></dd>
          </>
        )}
        <dt>状態</dt>
        <dd>{STATE_LABELS[state]}{entry?.updatedBy && `（最終更新：${entry.updatedBy.name}、${entry.updatedAt.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" })}）`}</dd>
      </dl>
      {context && <ValuesTable trend={context.trend} caption="これまでの実績値と目標値" />}
      {entry?.state === "returned" && entry.returnReason && (
        <p className="form-error" role="alert">差し戻されました：{entry.returnReason}</p>
      )}
      {data.canApprove && entry && (
        <p className="form-notice" role="status">
          提出されています。<a href={`${measurePath(code, slug, number)}/approval?year=${year}`}>確認・承認の画面へ</a>（公開中の内容との差分を見て、承認または差し戻しができます）
        </p>
      )}
      {data.canEdit && year !== null ? (
        <SheetEntryForm
          action={saveSheet}
          measureId={measure.id}
          evaluationYear={year}
          evaluationYearLabel={fiscalYearLabel(year)}
          version={entry?.version ?? 0}
          narratives={{ effortStatus: entry?.effortStatus ?? "", issues: entry?.issues ?? "", direction: entry?.direction ?? "" }}
          values={data.values.map((v) => ({ seriesId: v.seriesId, label: v.label, unit: v.unit, value: v.draft ?? v.published ?? "", published: v.published }))}
          published={context?.published ?? null}
          preview={context?.preview}
        />
      ) : (
        !data.canApprove && (
          <p className="form-notice" role="status">
            {entry?.state === "submitted"
              ? "提出済みです。企画担当の承認または差し戻しを待っています。"
              : entry?.state === "published"
                ? "公開済みです。公開された内容は指標のページで確認できます。"
                : evaluation?.status !== "open"
                  ? "この評価年度は受付中ではないため編集できません。"
                  : "このシートは担当部局・課の職員が編集します。"}
          </p>
        )
      )}
    </>
  );
}
