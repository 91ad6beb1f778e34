"use server";
import { formAction, formObject } from "@/lib/actions/form";
// Planning division actions: parse → authorise (in lib, against the signed-in user) → write → revalidate.
import { db } from "@/lib/db";
import type { ActionState } from "@/lib/forms/action-state";
import { disableSchema, membershipSchema, resetPassword, resetPasswordSchema, setMembership, setUserDisabled } from "@/lib/users/mutations";

// on the one action path (formAction → runAction); users and roles are not public: nothing cached changes, the
// users page (read per request) shows the change on the refreshed screen
const membership = formAction(
  { name: "user.setRole", schema: membershipSchema, run: (user, i) => setMembership(db(), user, i), publishes: false, refreshes: true, message: "役割と担当を更新しました。" },
  (form) => ({ ...formObject(form), unitIds: form.getAll("unitIds").map(String) }),
);
const disabled = formAction({ name: "user.setDisabled", schema: disableSchema, run: (user, i) => setUserDisabled(db(), user, i), publishes: false, refreshes: true, message: "利用者の状態を更新しました。" });
const password = formAction({ name: "user.resetPassword", schema: resetPasswordSchema, run: (user, i) => resetPassword(db(), user, i), publishes: false, refreshes: true, message: "パスワードを再設定しました。" });

export async function changeMembership(prev: ActionState, form: FormData): Promise<ActionState> {
  return membership(prev as never, form);
}

export async function changeDisabled(prev: ActionState, form: FormData): Promise<ActionState> {
  return disabled(prev as never, form);
}

export async function changePassword(prev: ActionState, form: FormData): Promise<ActionState> {
  return password(prev as never, form);
}
