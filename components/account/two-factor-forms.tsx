"use client";
// The forms of 2段階認証 on /account whose success shows the recovery codes once (a server component cannot pass
// the rendering function to the form).
import type { FormState } from "@/lib/actions/form-state";
import { Field, SetupForm } from "@/components/setup/setup-form";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

function RecoveryCodes({ data, signInAgain }: { data: unknown; signInAgain: boolean }) {
  const codes = (data as { recoveryCodes?: string[] } | undefined)?.recoveryCodes ?? [];
  return (
    <div className="recovery-codes">
      <h3>回復コード（この画面でだけ表示します）</h3>
      <p>
        スマートフォンをなくしたときなどに、確認コードの代わりに使えます。<strong>それぞれ1回だけ</strong>使えます。印刷するか、パスワード管理ソフトなど安全な場所に保管してください。
        この画面を離れると、もう表示できません（再発行はできます）。
      </p>
      <ol className="recovery-codes__list">
        {codes.map((c) => (
          <li key={c}><code>{c}</code></li>
        ))}
      </ol>
      {signInAgain && (
        <p>
          安全のため、すべての端末でサインアウトしました。回復コードを保管したら、<a href="/signin?callbackUrl=%2Faccount">確認コードを使ってもう一度サインイン</a>してください。
        </p>
      )}
    </div>
  );
}

const CODE_FIELD = { name: "code", label: "確認コード", hint: "認証アプリに表示されている6桁の数字", required: true, autoComplete: "one-time-code", inputMode: "numeric" as const };

export function TwoFactorConfirmForm({ action }: { action: Action }) {
  return (
    <SetupForm action={action} id="two-factor-confirm" label="2段階認証の確認" submit="確認して有効にする" renderSuccess={(data) => <RecoveryCodes data={data} signInAgain />}>
      <Field {...CODE_FIELD} />
    </SetupForm>
  );
}

export function RecoveryCodesForm({ action }: { action: Action }) {
  return (
    <SetupForm action={action} id="recovery-codes" label="回復コードの再発行" submit="回復コードを再発行" resetOnSuccess renderSuccess={(data) => <RecoveryCodes data={data} signInAgain={false} />}>
      <Field {...CODE_FIELD} />
    </SetupForm>
  );
}
