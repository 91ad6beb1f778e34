"use server";
// The signed-in user's own API tokens: create (the secret answered once) and revoke, on the one action path.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/actions/action";
import { formAction } from "@/lib/actions/form";
import { createApiToken, revokeApiToken } from "@/lib/tokens/mutations";
import { createTokenSchema, revokeTokenSchema } from "@/lib/tokens/schemas";
import { changeOwnPassword, changeOwnPasswordSchema } from "@/lib/users/own-account";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { preferencesSchema } from "@/lib/notifications/schemas";
import { saveNotificationPreferences } from "@/lib/notifications/queries";

export type CreatedTokenData = { token: string; name: string; expiresAt: string | null };

const create = formAction({
  name: "account token.create",
  schema: createTokenSchema,
  run: async (actor, input): Promise<CreatedTokenData> => {
    const t = await createApiToken(db(), actor, input);
    return { token: t.token, name: t.name, expiresAt: t.expiresAt?.toISOString() ?? null };
  },
  publishes: false,
  message: (t) => `トークン「${t.name}」を作成しました。`,
});

const revoke = formAction({
  name: "account token.revoke",
  schema: revokeTokenSchema,
  run: (actor, input) => revokeApiToken(db(), actor, input),
  publishes: false,
  message: (r) => `トークン「${r.name}」を失効させました。`,
});

export async function createToken(prev: FormState<CreatedTokenData>, form: FormData) {
  const result = await create(prev, form);
  if (result.status === "ok") revalidatePath("/account");
  // a refused form is shown again with what was typed (React resets the form to these defaults)
  else return { ...result, detail: { name: String(form.get("name") ?? ""), days: String(form.get("days") ?? "") } };
  return result;
}

const password = formAction({
  name: "account password.change",
  schema: changeOwnPasswordSchema,
  run: (actor, input) => changeOwnPassword(db(), actor, input),
  publishes: false,
  message: "パスワードを変更しました。すべての端末でサインアウトしました。新しいパスワードでサインインしてください。",
});

export async function changePassword(prev: FormState, form: FormData) {
  return password(prev as FormState<never>, form);
}

export async function revokeToken(prev: FormState, form: FormData) {
  const result = await revoke(prev as FormState<never>, form);
  if (result.status === "ok") revalidatePath("/account");
  return result;
}

// 通知の設定: a checkbox per kind (an unchecked box is not posted, so every kind is read as on or off)
const notificationSettings = formAction(
  {
    name: "account notification.preferences",
    schema: preferencesSchema,
    run: (actor, input) => saveNotificationPreferences(db(), actor, input),
    publishes: false,
    message: "通知の設定を保存しました。",
  },
  (form) => ({ email: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, form.get(k) === "on" ? "on" : "off"])) }),
);

export async function saveNotificationSettings(prev: FormState, form: FormData) {
  const result = await notificationSettings(prev as FormState<never>, form);
  if (result.status === "ok") revalidatePath("/account");
  return result;
}
