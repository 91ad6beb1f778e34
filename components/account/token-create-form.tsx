"use client";
// Create a personal API token. The secret comes back in the action's answer only, so it is shown once here
// (with a copy button) and never again; a refused form keeps what was typed.
import { useActionState, useState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Created = { token: string; name: string; expiresAt: string | null };

export function TokenCreateForm({ action, defaultDays, maxDays }: { action: (prev: FormState<Created>, form: FormData) => Promise<FormState<Created>>; defaultDays: number; maxDays: number }) {
  const [state, formAction, pending] = useActionState(action, IDLE as FormState<Created>);
  const [copied, setCopied] = useState<string | null>(null);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const created = state.status === "ok" ? state.data : undefined;
  const typed = state.status === "error" ? (state.detail as { name?: string; days?: string } | undefined) : undefined;
  return (
    <>
      <div aria-live="polite">
        {created && (
          <div className="form-notice" role="status" style={{ marginBottom: "var(--space-3)" }}>
            <p style={{ marginTop: 0 }}>
              トークン「{created.name}」を作成しました（有効期限：{created.expiresAt ? new Date(created.expiresAt).toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo" }) : "なし"}）。
            </p>
            <p>
              <strong>このトークンは今だけ表示されます。</strong>コピーして、パスワードと同じように安全な場所に保存してください（再表示できません。失くしたら失効させて作り直してください）。
            </p>
            <label htmlFor="new-token-value" className="visually-hidden">作成したトークン</label>
            <input id="new-token-value" className="token-secret" readOnly value={created.token} onFocus={(e) => e.currentTarget.select()} style={{ width: "100%", fontFamily: "monospace", fontSize: 14, padding: 8 }} />
            <p>
              <button
                type="button"
                className="button button--secondary"
                onClick={async () => {
                  try {
                    await navigator.clipboard.writeText(created.token);
                    setCopied(created.token);
                  } catch {
                    setCopied(null);
                  }
                }}
              >
                コピーする
              </button>{" "}
              {copied === created.token && <span>コピーしました。</span>}
            </p>
          </div>
        )}
        {state.status === "error" && (
          <p className="form-error" role="alert" style={{ marginBottom: "var(--space-2)" }}>
            {state.message}
          </p>
        )}
      </div>
      <form action={formAction} className="form" aria-label="API トークンを作成" aria-busy={pending}>
        <div className="form-field">
          <label htmlFor="token-name">名前（用途が分かるように）</label>
          <input id="token-name" name="name" required maxLength={100} placeholder="例：統計システム連携" aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? "token-name-error" : undefined} defaultValue={typed?.name ?? ""} />
          {errors.name && <p id="token-name-error" className="field-error">{errors.name}</p>}
        </div>
        <div className="form-field">
          <label htmlFor="token-days">有効期限（日数、1〜{maxDays}）</label>
          <input id="token-days" name="days" type="number" inputMode="numeric" min={1} max={maxDays} defaultValue={typed?.days ?? defaultDays} aria-invalid={errors.days ? true : undefined} aria-describedby={`token-days-hint${errors.days ? " token-days-error" : ""}`} style={{ maxWidth: "12em" }} />
          <p id="token-days-hint" className="hint">既定は {defaultDays} 日です。期限が来ると自動的に使えなくなります。</p>
          {errors.days && <p id="token-days-error" className="field-error">{errors.days}</p>}
        </div>
        <div>
          <button className="button" type="submit" disabled={pending}>トークンを作成</button>
        </div>
      </form>
    </>
  );
}
