import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { listNotifications } from "@/lib/notifications/queries";
import { KIND_LABELS } from "@/lib/notifications/kinds";
import { RowActionButton } from "@/components/notifications/row-action-button";
import { markAllRead, markRead } from "./actions";

export const metadata: Metadata = { title: "お知らせ" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const time = (d: Date) => d.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "medium", timeStyle: "short" });

export default async function NotificationsPage({ searchParams }: Props) {
  const user = await requireUser("/notifications");
  const sp = await searchParams;
  const page = await listNotifications(db(), user, { page: typeof sp.page === "string" ? sp.page : 1, perPage: 20 });
  return (
    <>
      <h1>お知らせ</h1>
      <p>
        未読 {page.unread.toLocaleString("ja-JP")}件／全 {page.total.toLocaleString("ja-JP")}件。メールで受け取る種類は
        <a href="/account#account-notifications">アカウントの「通知の設定」</a>で変えられます。
      </p>
      {page.unread > 0 && <RowActionButton action={markAllRead} fields={{}} label="すべて既読にする" />}
      {page.items.length === 0 ? (
        <p className="muted">お知らせはありません。</p>
      ) : (
        <ol className="notification-list" aria-label="お知らせの一覧（新しい順）">
          {page.items.map((n) => {
            const unread = n.readAt === null;
            return (
              <li key={n.id} className={unread ? "notification notification--unread" : "notification"}>
                <p className="notification__meta">
                  <strong className={unread ? "tag tag--unread" : "tag"}>{unread ? "未読" : "既読"}</strong>
                  <span>{KIND_LABELS[n.kind].label}</span>
                  <time dateTime={n.createdAt.toISOString()}>{time(n.createdAt)}</time>
                </p>
                <h2 className="notification__title">{n.link ? <a href={n.link}>{n.title}</a> : n.title}</h2>
                <p className="notification__body">{n.body}</p>
                {unread && <RowActionButton action={markRead} fields={{ id: n.id }} label="既読にする" accessibleLabel={`「${n.title}」（${time(n.createdAt)}）を既読にする`} />}
              </li>
            );
          })}
        </ol>
      )}
      {page.pages > 1 && (
        <nav aria-label="お知らせのページ" className="pager">
          {page.page > 1 && <a href={`/notifications?page=${page.page - 1}`}>新しいお知らせへ</a>}
          <span>
            {page.page} / {page.pages} ページ
          </span>
          {page.page < page.pages && <a href={`/notifications?page=${page.page + 1}`}>古いお知らせへ</a>}
        </nav>
      )}
    </>
  );
}
