"use client";
// The invitee's answer: someone new chooses a name and password; an existing account (signed in) accepts or
// declines. Each mistake beside its field; what was typed is kept when refused.
import { Field, SetupForm } from "@/components/setup/setup-form";
import type { FormState } from "@/lib/actions/form-state";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export function NewUserAcceptForm({ action, token, name }: { action: Action; token: string; name: string }) {
  return (
    <SetupForm action={action} id="invitation-new" label="招待を承諾してパスワードを設定" submit="承諾して参加する" renderSuccess={() => <p><a href="/signin">サインインへ進む</a></p>}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="decision" value="accept" />
      <Field name="name" label="氏名" defaultValue={name} autoComplete="name" required />
      <Field name="password" label="パスワード（12文字以上）" type="password" autoComplete="new-password" required />
      <Field name="confirmPassword" label="パスワード（確認）" type="password" autoComplete="new-password" required />
    </SetupForm>
  );
}

export function AnswerForm({ action, token, decision }: { action: Action; token: string; decision: "accept" | "decline" }) {
  return (
    <SetupForm
      action={action}
      id={`invitation-${decision}`}
      label={decision === "accept" ? "招待を承諾" : "招待を辞退"}
      submit={decision === "accept" ? "承諾して参加する" : "辞退する"}
      renderSuccess={() => decision === "accept" ? <p><a href="/work">担当シートへ</a>・<a href="/">トップページへ</a></p> : null}
    >
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="decision" value={decision} />
    </SetupForm>
  );
}
