import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { getOutbox, MAIL_STATUS_LABELS, type MailStatusKey } from "@/lib/mail/outbox";
import { MAX_ATTEMPTS } from "@/lib/mail/backoff";
import { ScrollRegion } from "@/components/scroll-region";
import { RowActionButton } from "@/components/notifications/row-action-button";
import { resendAction } from "./actions";

export const metadata: Metadata = { title: "メールの送信状況" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const time = (d: Date | null) => (d ? d.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "medium", timeStyle: "short" }) : "—");

export default async function AdminMailPage({ searchParams }: Props) {
  const user = await requireUser("/admin/mail");
  const sp = await searchParams;
  const outbox = await getOutbox(db(), user, { status: typeof sp.status === "string" ? (sp.status as MailStatusKey) : undefined, page: typeof sp.page === "string" ? sp.page : 1 });
  if (!outbox) return <p className="form-error" role="alert">管理者の権限がありません。</p>;
  const smtpConfigured = Boolean(process.env.SMTP_URL);
  const query = (status: string | null, page = 1) => `/admin/mail?${new URLSearchParams({ ...(status ? { status } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  return (
    <>
      <p><a href="/admin">管理</a> ＞ メールの送信状況</p>
      <h1>メールの送信状況（送信箱）</h1>
      <p>
        アプリが送るメール（提出・差し戻し・承認・コメント・提出期限のお知らせ）を、送信の結果とともにすべて残しています。
        送信に失敗したメールは、1分・5分・30分・2時間の間隔で自動的に再送し、{MAX_ATTEMPTS}回失敗すると「送信失敗」になります。
      </p>
      {!smtpConfigured && (
        <p className="form-notice" role="status">
          送信先のメールサーバー（環境変数 SMTP_URL）が設定されていないため、メールは送信せず「保留」としてここに残しています。
          内容はこの画面で読めます。サーバーを設定したあと「再送する」で送信できます。
        </p>
      )}
      <nav aria-label="状態で絞り込む">
        <ul className="filter-links">
          <li>{outbox.status === null ? <strong aria-current="page">すべて</strong> : <a href={query(null)}>すべて</a>}</li>
          {(Object.keys(MAIL_STATUS_LABELS) as MailStatusKey[]).map((s) => (
            <li key={s}>
              {outbox.status === s ? <strong aria-current="page">{MAIL_STATUS_LABELS[s]}（{outbox.byStatus[s]}件）</strong> : <a href={query(s)}>{MAIL_STATUS_LABELS[s]}（{outbox.byStatus[s]}件）</a>}
            </li>
          ))}
        </ul>
      </nav>
      {outbox.rows.length === 0 ? (
        <p className="muted">該当するメールはありません。</p>
      ) : (
        <ScrollRegion label="メールの一覧（横にスクロールできます）">
          <table className="data-table">
            <caption>メール {outbox.total.toLocaleString("ja-JP")}件（新しい順）</caption>
            <thead>
              <tr>
                <th scope="col" style={{ whiteSpace: "nowrap" }}>作成日時</th>
                <th scope="col">宛先・件名・本文</th>
                <th scope="col" style={{ whiteSpace: "nowrap" }}>状態</th>
                <th scope="col" style={{ whiteSpace: "nowrap" }}>試行回数</th>
                <th scope="col" style={{ whiteSpace: "nowrap" }}>最後のエラー</th>
                <th scope="col" style={{ whiteSpace: "nowrap" }}>操作</th>
              </tr>
            </thead>
            <tbody>
              {outbox.rows.map((m) => (
                <tr key={m.id}>
                  <td style={{ whiteSpace: "nowrap" }}>{time(m.createdAt)}</td>
                  <th scope="row" style={{ fontWeight: "normal", minWidth: "18em" }}>
                    <div>{m.to}{m.organization && <span className="muted">（{m.organization.name}）</span>}</div>
                    <div><strong>{m.subject}</strong></div>
                    <details>
                      <summary>本文を読む</summary>
                      <pre className="mail-text">{m.text}</pre>
                    </details>
                  </th>
                  <td style={{ whiteSpace: "nowrap" }}>
                    <strong>{MAIL_STATUS_LABELS[m.status]}</strong>
                    {m.status === "sent" && <div className="muted">{time(m.sentAt)}</div>}
                    {m.status === "queued" && m.attempts > 0 && <div className="muted">次の試行 {time(m.nextAttemptAt)}</div>}
                  </td>
                  <td style={{ whiteSpace: "nowrap" }}>{m.attempts}回</td>
                  <td style={{ minWidth: "12em" }}>{m.lastError ?? "—"}</td>
                  <td>{(m.status === "failed" || m.status === "held") ? <RowActionButton action={resendAction} fields={{ id: m.id }} label="再送する" accessibleLabel={`${m.to} あての「${m.subject}」を再送する`} /> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {outbox.pages > 1 && (
        <nav aria-label="メールの一覧のページ" className="pager">
          {outbox.page > 1 && <a href={query(outbox.status, outbox.page - 1)}>新しいメールへ</a>}
          <span>{outbox.page} / {outbox.pages} ページ</span>
          {outbox.page < outbox.pages && <a href={query(outbox.status, outbox.page + 1)}>古いメールへ</a>}
        </nav>
      )}
    </>
  );
}
