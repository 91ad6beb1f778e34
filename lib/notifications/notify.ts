// Notifications are written inside the transaction of the change that causes them: the change, its
// notifications and their e-mails (the outbox, MailMessage) commit together or not at all. The job queue
// sends the outbox afterwards (lib/mail/sender.ts).
import type { Prisma } from "../generated/prisma/client";
import { DEFAULT_EMAIL, type Kind } from "./kinds";

type Tx = Prisma.TransactionClient;

export type NotifyInput = {
  organizationId: string | null;
  kind: Kind;
  userIds: readonly string[];
  title: string;
  /** the text shown in the app and e-mailed (names the organisation, plan, KPI and year) */
  body: string;
  /** a path inside the app ("/orgs/…"); the e-mail carries it as an absolute URL */
  link: string | null;
  /** makes a scheduled notification exactly-once: stored per recipient as `<dedupeKey>:<userId>` */
  dedupeKey?: string;
  /** the organisation's name, for the e-mail's signature */
  organizationName?: string;
};

export type NotifyResult = { notifications: number; mails: number };

/** The app's public URL, for links in e-mails: APP_URL, else NEXTAUTH_URL. */
export function appBaseUrl(): string {
  return (process.env.APP_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
}

export function absoluteLink(link: string | null): string | null {
  if (!link) return null;
  return /^https?:\/\//.test(link) ? link : `${appBaseUrl()}${link.startsWith("/") ? "" : "/"}${link}`;
}

export function mailSubject(title: string): string {
  return `【KPIダッシュボード】${title}`;
}

export function mailText(input: { name: string; body: string; link: string | null; organizationName?: string }): string {
  const url = absoluteLink(input.link);
  return [
    `${input.name} 様`,
    "",
    input.body,
    ...(url ? ["", "詳しくは次のページをご覧ください。", url] : []),
    "",
    "――",
    `総合戦略 KPI ダッシュボード${input.organizationName ? `（${input.organizationName}）` : ""}`,
    "このメールは送信専用です。通知のメールを受け取るかどうかは、アカウントのページの「通知の設定」で変えられます。",
    `${appBaseUrl()}/account`,
  ].join("\n");
}

/**
 * One notification per active recipient (a duplicate dedupe key is skipped: ON CONFLICT DO NOTHING), and an
 * e-mail in the outbox for each notification actually inserted whose recipient has e-mail on for the kind.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<NotifyResult> {
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return { notifications: 0, mails: 0 };
  const users = await tx.user.findMany({ where: { id: { in: ids }, disabled: false }, select: { id: true, email: true, name: true } });
  if (users.length === 0) return { notifications: 0, mails: 0 };
  const inserted = await tx.notification.createManyAndReturn({
    data: users.map((u) => ({
      userId: u.id,
      organizationId: input.organizationId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      link: input.link,
      dedupeKey: input.dedupeKey ? `${input.dedupeKey}:${u.id}` : null,
    })),
    skipDuplicates: true,
    select: { id: true, userId: true },
  });
  if (inserted.length === 0) return { notifications: 0, mails: 0 };
  const choices = await tx.notificationPreference.findMany({ where: { userId: { in: inserted.map((n) => n.userId) }, kind: input.kind }, select: { userId: true, email: true } });
  const emailOn = (userId: string) => choices.find((c) => c.userId === userId)?.email ?? DEFAULT_EMAIL;
  const byId = new Map(users.map((u) => [u.id, u]));
  const mails = inserted.filter((n) => emailOn(n.userId)).map((n) => {
    const u = byId.get(n.userId)!;
    return {
      organizationId: input.organizationId,
      notificationId: n.id,
      to: u.email,
      subject: mailSubject(input.title),
      text: mailText({ name: u.name, body: input.body, link: input.link, organizationName: input.organizationName }),
    };
  });
  if (mails.length) await tx.mailMessage.createMany({ data: mails });
  return { notifications: inserted.length, mails: mails.length };
}
