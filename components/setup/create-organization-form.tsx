"use client";
// The operator's form for a new organisation and its first administrator; on success the administrator's
// initial password is shown once, with what to do with it.
import type { FormState } from "@/lib/actions/form-state";
import { Field, SetupForm } from "./setup-form";

type Created = { name: string; code: string; adminEmail: string; initialPassword: string };

export function CreateOrganizationForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  return (
    <SetupForm
      action={action}
      id="new-org"
      label="団体の追加"
      submit="団体を追加"
      resetOnSuccess
      renderSuccess={(data) => {
        const d = data as Created;
        return (
          <div className="form-notice" aria-labelledby="initial-password-heading">
            <h3 id="initial-password-heading" style={{ marginTop: 0 }}>{d.name}の管理者の初期パスワード</h3>
            <p>
              管理者 <strong>{d.adminEmail}</strong> の初期パスワード：{" "}
              <code className="initial-password" data-testid="initial-password">{d.initialPassword}</code>
            </p>
            <p className="hint">この画面を閉じると再表示できません。メールに書かず、安全な方法（手渡し・別経路の連絡など）で管理者本人に渡し、サインイン後に変更してもらってください。</p>
          </div>
        );
      }}
    >
      <Field name="code" label="団体コード（全国地方公共団体コード6桁）" hint="6桁目は検査数字です（例：熊本県 430005、嘉麻市 402273）" required inputMode="numeric" autoComplete="off" />
      <Field name="name" label="団体名" required autoComplete="off" />
      <Field name="kind" label="種別" required defaultValue="municipality" options={[{ value: "municipality", label: "市区町村" }, { value: "prefecture", label: "都道府県" }]} />
      <Field name="adminEmail" label="最初の管理者のメールアドレス" type="email" required autoComplete="off" />
      <Field name="adminName" label="最初の管理者の氏名" hint="省略すると「団体名 管理者」になります" autoComplete="off" />
    </SetupForm>
  );
}
