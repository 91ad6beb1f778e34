"use client";
// The forms of 2段階認証 on /account whose success shows the recovery codes once. Enrolment is one client piece so
// that, once the first code is accepted, the QR code and key give way to the codes and the way back in.
import { startTransition, useActionState, useEffect, useRef } from "react";
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

/** The pending enrolment: QR code, key, the first code (its error beside the field), then the recovery codes. */
export function TwoFactorEnrolment({ svg, groupedSecret, confirm, restart }: { svg: string; groupedSecret: string; confirm: Action; restart: Action }) {
  const [state, dispatch, pending] = useActionState(confirm, { status: "idle" } as FormState);
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.status === "ok") heading.current?.focus();
  }, [state.status]);
  if (state.status === "ok") {
    return (
      <>
        <p className="form-notice" role="status" tabIndex={-1} ref={heading}>{state.message}</p>
        <RecoveryCodes data={state.data} signInAgain />
      </>
    );
  }
  const error = state.status === "error" ? (state.fieldErrors?.code ?? null) : null;
  return (
    <>
      <ol>
        <li>スマートフォンの認証アプリ（Google Authenticator、Microsoft Authenticator など）で、次の QR コードを読み取ってください。</li>
        <li>読み取れないときは、アプリに次の「設定キー」を手で入力してください（種類は「時間ベース」）。</li>
        <li>アプリに表示された6桁の確認コードを入力して「確認して有効にする」を押してください。</li>
      </ol>
      <div className="two-factor-qr" role="img" aria-label="認証アプリに読み取らせる QR コード" dangerouslySetInnerHTML={{ __html: svg }} />
      <p>
        設定キー：<span className="two-factor-secret" id="two-factor-secret">{groupedSecret}</span>
      </p>
      <p>有効にすると、安全のためすべての端末でサインアウトします。表示される回復コードを保管してから、確認コードを使ってサインインし直してください。</p>
      <form
        className="form"
        aria-label="2段階認証の確認"
        aria-busy={pending}
        noValidate
        action={dispatch}
        onSubmit={(e) => {
          // submitted by hand so that React does not clear the field when the code is refused
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => dispatch(data));
        }}
      >
        <div aria-live="polite">{state.status === "error" && <p className="form-error" role="alert">{state.message}</p>}</div>
        <div className="form-field">
          <label htmlFor="two-factor-code">確認コード<span className="muted">（必須）</span></label>
          <p className="hint" id="two-factor-code-hint">{CODE_FIELD.hint}</p>
          <input
            id="two-factor-code"
            name="code"
            required
            autoComplete="one-time-code"
            inputMode="numeric"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "two-factor-code-hint two-factor-code-error" : "two-factor-code-hint"}
          />
          {error && <p className="field-error" id="two-factor-code-error">{error}</p>}
        </div>
        <div>
          <button type="submit" className="button" disabled={pending}>{pending ? "処理中…" : "確認して有効にする"}</button>
        </div>
      </form>
      <SetupForm action={restart} id="two-factor-restart" label="2段階認証の設定をやり直す" submit="新しい設定キーでやり直す">
        <input type="hidden" name="intent" value="start" />
        <p className="hint">別のスマートフォンで設定し直すときなどに使います。表示中の QR コードは使えなくなります。</p>
      </SetupForm>
    </>
  );
}

export function RecoveryCodesForm({ action }: { action: Action }) {
  return (
    <SetupForm action={action} id="recovery-codes" label="回復コードの再発行" submit="回復コードを再発行" resetOnSuccess renderSuccess={(data) => <RecoveryCodes data={data} signInAgain={false} />}>
      <Field {...CODE_FIELD} />
    </SetupForm>
  );
}
