import "server-only";
// A user's own notifications, for every channel (pages, server actions, the API): each function takes the acting
// user and touches only that user's rows (`where: { userId: actor.id }`), so nobody reads or marks another's.
import type { z } from "zod";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { Actor } from "../authz/permissions";
import { refuse } from "../actions/refusal";
import { inTransaction } from "../actions/transaction";
import { writeAudit } from "../audit/log";
import { DEFAULT_EMAIL, NOTIFICATION_KINDS, type Kind } from "./kinds";
import { unreadCountSql } from "./unread";
import { listSchema, type ListInput, type markReadSchema, type PreferencesInput } from "./schemas";

/** The user's unread count: one indexed count (the header has it from the session's statement). */
export async function countUnread(prisma: PrismaClient, actor: Actor): Promise<number> {
  const [row] = await prisma.$queryRaw<{ unread: number }[]>`SELECT ${unreadCountSql(Prisma.sql`${actor.id}`)} AS unread`;
  return row.unread;
}

export type NotificationItem = { id: string; kind: Kind; title: string; body: string; link: string | null; createdAt: Date; readAt: Date | null };
export type NotificationPage = { items: NotificationItem[]; total: number; unread: number; page: number; pages: number; perPage: number };

/** Newest first, paged. */
export async function listNotifications(prisma: PrismaClient, actor: Actor, input: ListInput = {}): Promise<NotificationPage> {
  const { page, perPage, unreadOnly } = listSchema.parse(input);
  const where = { userId: actor.id, ...(unreadOnly ? { readAt: null } : {}) };
  const [items, total, unread] = await Promise.all([
    prisma.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
    }),
    prisma.notification.count({ where }),
    countUnread(prisma, actor),
  ]);
  return { items, total, unread, page, perPage, pages: Math.max(1, Math.ceil(total / perPage)) };
}

// Marking read changes only the reader's own view, so it is not written to the audit log.
export async function markNotificationRead(prisma: PrismaClient, actor: Actor, input: z.output<typeof markReadSchema>): Promise<{ marked: number }> {
  const own = await prisma.notification.findFirst({ where: { id: input.id, userId: actor.id }, select: { id: true, readAt: true } });
  if (!own) refuse("not_found", "お知らせが見つかりません。");
  if (own.readAt) return { marked: 0 };
  const r = await prisma.notification.updateMany({ where: { id: own.id, userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return { marked: r.count };
}

export async function markAllNotificationsRead(prisma: PrismaClient, actor: Actor): Promise<{ marked: number }> {
  const r = await prisma.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return { marked: r.count };
}

export type Preference = { kind: Kind; email: boolean };

/** The signed-in user's e-mail choice for every kind (the default where they chose nothing). */
export async function getNotificationPreferences(prisma: PrismaClient, actor: Actor): Promise<Preference[]> {
  const rows = await prisma.notificationPreference.findMany({ where: { userId: actor.id }, select: { kind: true, email: true } });
  return NOTIFICATION_KINDS.map((kind) => ({ kind, email: rows.find((r) => r.kind === kind)?.email ?? DEFAULT_EMAIL }));
}

export async function saveNotificationPreferences(prisma: PrismaClient, actor: Actor, input: PreferencesInput): Promise<Preference[]> {
  return inTransaction(prisma, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: actor.id }, select: { disabled: true } });
    if (!user || user.disabled) refuse("unauthenticated", "サインインしてください。");
    const before = await tx.notificationPreference.findMany({ where: { userId: actor.id }, select: { kind: true, email: true } });
    for (const kind of NOTIFICATION_KINDS) {
      const email = input.email[kind];
      await tx.notificationPreference.upsert({ where: { userId_kind: { userId: actor.id, kind } }, create: { userId: actor.id, kind, email }, update: { email } });
    }
    await writeAudit(tx, {
      organizationId: null,
      userId: actor.id,
      action: "notification.preferences",
      entityType: "User",
      entityId: actor.id,
      before: Object.fromEntries(before.map((b) => [b.kind, b.email])),
      after: input.email,
      via: actor.via,
    });
    return NOTIFICATION_KINDS.map((kind) => ({ kind, email: input.email[kind] }));
  });
}
