"use server";
// Mark one or all of the signed-in user's notifications read, on the one action path.
import { refresh } from "next/cache";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/actions/action";
import { formAction, asForm } from "@/lib/actions/form";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/queries";
import { markAllReadSchema, markReadSchema } from "@/lib/notifications/schemas";

const one = formAction({
  name: "notification.markRead",
  schema: markReadSchema,
  run: (actor, input) => markNotificationRead(db(), actor, input),
  publishes: false,
  message: "既読にしました。",
});

const all = formAction({
  name: "notification.markAllRead",
  schema: markAllReadSchema,
  run: (actor) => markAllNotificationsRead(db(), actor),
  publishes: false,
  message: (r) => `${r.marked}件を既読にしました。`,
});

export async function markRead(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  const result = await one(prev as FormState<never>, form);
  // the page and the header's unread count are drawn again; no cached public page is dropped for a read mark
  if (result.status === "ok") refresh();
  return result;
}

export async function markAllRead(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  const result = await all(prev as FormState<never>, form);
  if (result.status === "ok") refresh();
  return result;
}
