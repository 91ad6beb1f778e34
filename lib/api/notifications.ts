// The token user's own notifications through the API: list (newest first, paged), mark one or all read — the
// same lib functions as /notifications, so a token reads and marks only its own user's rows.
import { z } from "zod";
import { db } from "../db";
import { runAction } from "../actions/action";
import type { Actor } from "../authz/permissions";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "../notifications/queries";
import { listSchema, markAllReadSchema, markReadSchema } from "../notifications/schemas";
import { NOTIFICATION_KINDS } from "../notifications/kinds";
import { problemFromResult } from "./problem";
import { json } from "./route";

export const notificationResponse = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe("アプリ内のパス"),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const notificationListResponse = z.object({
  notifications: z.array(notificationResponse),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  perPage: z.number().int(),
});
export const markedResponse = z.object({ marked: z.number().int(), unread: z.number().int() });

export async function listOwnNotifications(actor: Actor, url: URL): Promise<Response> {
  const q = url.searchParams;
  const parsed = listSchema.parse({ page: q.get("page") ?? undefined, perPage: q.get("perPage") ?? undefined, unreadOnly: q.get("unreadOnly") ?? undefined });
  const page = await listNotifications(db(), actor, parsed);
  return json({
    notifications: page.items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
    total: page.total,
    unread: page.unread,
    page: page.page,
    pages: page.pages,
    perPage: page.perPage,
  });
}

async function unreadCount(actor: Actor) {
  return db().notification.count({ where: { userId: actor.id, readAt: null } });
}

export async function markOwnNotificationRead(actor: Actor, id: string): Promise<Response> {
  const result = await runAction(actor, { id }, { name: "api notification.read", schema: markReadSchema, run: (a, i) => markNotificationRead(db(), a, i), publishes: false, message: "既読にしました。" }, "route");
  if (result.status !== "ok") return problemFromResult(result);
  return json({ marked: result.data?.marked ?? 0, unread: await unreadCount(actor) });
}

export async function markAllOwnNotificationsRead(actor: Actor): Promise<Response> {
  const result = await runAction(actor, {}, { name: "api notification.readAll", schema: markAllReadSchema, run: (a) => markAllNotificationsRead(db(), a), publishes: false, message: "すべて既読にしました。" }, "route");
  if (result.status !== "ok") return problemFromResult(result);
  return json({ marked: result.data?.marked ?? 0, unread: await unreadCount(actor) });
}
