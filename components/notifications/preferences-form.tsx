"use client";
// 「通知の設定」: e-mail on or off for each kind of notification (the app's list always shows them all).
import type { FormState } from "@/lib/actions/form-state";
import { SetupForm } from "@/components/setup/setup-form";

export type PreferenceRow = { kind: string; label: string; description: string; email: boolean };

export function PreferencesForm({ action, rows }: { action: (prev: FormState, form: FormData) => Promise<FormState>; rows: PreferenceRow[] }) {
  return (
    <SetupForm action={action} id="notification-preferences" label="通知の設定" submit="通知の設定を保存">
      <fieldset className="form-field">
        <legend>メールでも受け取る通知</legend>
        <p className="hint" id="notification-preferences-hint">チェックを外した種類は、メールを送らずアプリの「お知らせ」にだけ表示します。</p>
        {rows.map((r) => (
          <div key={r.kind} className="checkbox-field">
            <input type="checkbox" id={`pref-${r.kind}`} name={r.kind} defaultChecked={r.email} aria-describedby={`pref-${r.kind}-desc`} />
            <label htmlFor={`pref-${r.kind}`}>{r.label}</label>
            <p className="hint" id={`pref-${r.kind}-desc`}>{r.description}</p>
          </div>
        ))}
      </fieldset>
    </SetupForm>
  );
}
