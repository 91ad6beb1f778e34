import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getSheetReview } from "@/lib/sheets/approval-review";
import { STATE_LABELS } from "@/lib/sheets/state-labels";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { measurePath, planPath } from "@/lib/paths";
import { ApprovalActions } from "@/components/sheets/approval-actions";
import { DeadlineMark } from "@/components/sheets/deadline-mark";
import { NarrativeDiff } from "@/components/sheets/narrative-diff";
import { ValueChanges } from "@/components/sheets/value-changes";
import { approveSheetAction, returnSheetAction } from "./actions";

type Props = { params: Promise<{ code: string; slug: string; no: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "提出されたシートの確認" };

const at = (d: Date) => d.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" });

/** The planning division's review of one sheet: what changes against the published sheet, then the decision. */
export default async function ApprovalReviewPage({ params, searchParams }: Props) {
  const { code, slug, no } = await params;
  const number = decodeURIComponent(no);
  const path = `${measurePath(code, slug, number)}/approval`;
  const user = await requireUser(path);
  const sp = await searchParams;
  const requested = typeof sp.year === "string" && /^\d{4}$/.test(sp.year) ? Number(sp.year) : undefined;
  const data = await getSheetReview(user, code, slug, number, requested);
  if (data.forbidden) {
    return (
      <>
        <h1>提出されたシートの確認</h1>
        <p className="form-error" role="alert">このページは、指標の団体の企画担当（管理者）だけが見られます。</p>
        <p><a href={measurePath(code, slug, number)}>指標のページへ</a></p>
      </>
    );
  }
  const { measure, year } = data;
  const queue = `${planPath(code, slug)}/queue`;
  const nothing = data.values.length === 0 && data.narratives.length === 0;
  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href="/admin">管理</a></li>
          <li><a href={`${queue}${year ? `?year=${year}` : ""}`}>承認キュー</a></li>
          <li aria-current="page">No {measure.number}</li>
        </ol>
      </nav>
      <h1>
        <span className="muted">No {measure.number}</span> {measure.name}
        <span className="visually-hidden">：提出されたシートの確認</span>
      </h1>
      <dl className="measure-meta">
        <dt>計画</dt>
        <dd><a href={planPath(code, slug)}>{data.plan.name}</a></dd>
        <dt>担当</dt>
        <dd>{data.owners}</dd>
        <dt>評価年度</dt>
        <dd>{year ? fiscalYearWithWestern(year) : "－"}（{data.yearOpen ? "受付中" : "受付していません"}）</dd>
        <dt>状態</dt>
        <dd>
          <strong>{STATE_LABELS[data.state]}</strong> <DeadlineMark state={data.deadlineState} deadline={data.deadline} />
        </dd>
        {data.submittedBy && (
          <>
            <dt>{data.state === "submitted" ? "提出" : "最終更新"}</dt>
            <dd>
              {data.submittedBy}、{data.state === "submitted" && data.submittedAt ? at(data.submittedAt) : data.updatedAt ? at(data.updatedAt) : ""}
              {data.channel && `（${data.channel}）`}
            </dd>
          </>
        )}
      </dl>
      {data.returnReason && <p className="form-notice">差し戻しの理由：{data.returnReason}</p>}
      {data.state !== "submitted" && (
        <p className="form-notice" role="status">
          {data.state === "published"
            ? "このシートは公開済みです。担当課が次に提出すると、ここで確認できます。"
            : "このシートはまだ提出されていないため、承認・差し戻しはできません。下は担当課の作業中の内容です。"}
        </p>
      )}
      <section aria-labelledby="values-heading">
        <h2 id="values-heading">値の変更</h2>
        {data.values.length ? (
          <ValueChanges changes={data.values} caption={`公開中の値 → ${data.state === "submitted" ? "提出された値" : "作業中の値"}`} />
        ) : (
          <p>値の変更はありません。</p>
        )}
      </section>
      <section aria-labelledby="narratives-heading">
        <h2 id="narratives-heading">記述の変更</h2>
        {data.narratives.length ? (
          <>
            <p className="hint">{data.everPublished ? "公開中の記述との差分" : "この年度の記述は未公開のため、すべてが追加です"}（<del>取り消し線</del>は削除、<ins>下線</ins>は追加）。</p>
            {data.narratives.map((c) => <NarrativeDiff key={c.field} change={c} headingLevel="h3" />)}
          </>
        ) : (
          <p>記述の変更はありません。</p>
        )}
      </section>
      {nothing && data.state === "submitted" && <p className="hint">公開中のシートと同じ内容が提出されています。</p>}
      {data.canDecide && year !== null && (
        <ApprovalActions approve={approveSheetAction} giveBack={returnSheetAction} measureId={measure.id} number={measure.number} evaluationYear={year} version={data.version} queue={queue} />
      )}
      <p>
        <a href={measurePath(code, slug, measure.number)}>指標のページ（推移・変更履歴）</a>
      </p>
    </>
  );
}
