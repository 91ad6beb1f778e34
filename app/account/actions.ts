"use server";
// The signed-in user's own API tokens: create (the secret answered once) and revoke, on the one action path.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/actions/action";
import { formAction, asForm } from "@/lib/actions/form";
import { createApiToken, revokeApiToken } from "@/lib/tokens/mutations";
import { createTokenSchema, revokeTokenSchema } from "@/lib/tokens/schemas";
import { changeOwnPassword, changeOwnPasswordSchema } from "@/lib/users/own-account";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { preferencesSchema } from "@/lib/notifications/schemas";
import { saveNotificationPreferences } from "@/lib/notifications/queries";
import { confirmTwoFactor, confirmTwoFactorSchema, disableTwoFactor, disableTwoFactorSchema, regenerateRecoveryCodes, regenerateRecoveryCodesSchema, startTwoFactor, startTwoFactorSchema } from "@/lib/users/two-factor";

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
  form = asForm(form); // a forged call may send anything as the form
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
  form = asForm(form); // a forged call may send anything as the form
  return password(prev as FormState<never>, form);
}

export async function revokeToken(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
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
  form = asForm(form); // a forged call may send anything as the form
  const result = await notificationSettings(prev as FormState<never>, form);
  if (result.status === "ok") revalidatePath("/account");
  return result;
}

// 2段階認証: start (a pending secret shown on the page), confirm (enabled, recovery codes answered once, every
// session ended — the page is not refreshed so the codes stay on screen), reissue recovery codes, disable
const twoFactorStart = formAction({ name: "account twoFactor.start", schema: startTwoFactorSchema, run: (actor, input) => startTwoFactor(db(), actor, input), publishes: false, message: "認証アプリで QR コードを読み取ってください。" });
const twoFactorConfirm = formAction({
  name: "account twoFactor.confirm",
  schema: confirmTwoFactorSchema,
  run: (actor, input) => confirmTwoFactor(db(), actor, input),
  publishes: false,
  message: "2段階認証を有効にしました。すべての端末でサインアウトしました。",
});
const recoveryCodes = formAction({ name: "account recoveryCodes.regenerate", schema: regenerateRecoveryCodesSchema, run: (actor, input) => regenerateRecoveryCodes(db(), actor, input), publishes: false, message: "回復コードを再発行しました。それまでの回復コードは使えません。" });
const twoFactorDisable = formAction({ name: "account twoFactor.disable", schema: disableTwoFactorSchema, run: (actor, input) => disableTwoFactor(db(), actor, input), publishes: false, message: "2段階認証を無効にしました。" });

export async function startTwoFactorAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  const result = await twoFactorStart(prev as FormState<never>, form);
  if (result.status === "ok") revalidatePath("/account");
  return result;
}
export async function confirmTwoFactorAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  return twoFactorConfirm(prev as FormState<never>, form);
}
export async function regenerateRecoveryCodesAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  const result = await recoveryCodes(prev as FormState<never>, form);
  // the form keeps its state (the codes stay on screen) while the page's count of codes left is refreshed
  if (result.status === "ok") revalidatePath("/account");
  return result;
}
export async function disableTwoFactorAction(prev: FormState, form: FormData) {
  form = asForm(form); // a forged call may send anything as the form
  const result = await twoFactorDisable(prev as FormState<never>, form);
  if (result.status === "ok") revalidatePath("/account");
  return result;
}
