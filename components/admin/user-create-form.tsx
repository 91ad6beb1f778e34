"use client";
// Inviting a user on /admin/users: each mistake beside its field, and a refused form keeps everything typed
// (the chosen units included: the form is never reset unless the invitation was sent). The person chooses their
// own password when accepting (a new address) or signs in with the one they have (an existing account).
import { Field, SetupForm, useFieldError } from "@/components/setup/setup-form";
import type { ActionResult, FormState } from "@/lib/actions/action";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<ActionResult>;
  organizationId: string;
  organizationName: string;
  code: string;
  roles: { value: string; label: string }[];
  units: { id: string; path: string }[];
};

function UnitsField({ id, units }: { id: string; units: Props["units"] }) {
  const error = useFieldError("unitIds");
  return (
    <div className="form-field">
      <label htmlFor={id}>担当部局・課（担当課職員のみ。部を選ぶとその課すべてを担当）</label>
      <select id={id} name="unitIds" multiple size={6} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {units.map((u) => <option key={u.id} value={u.id}>{u.path.replace(" / ", " › ")}</option>)}
      </select>
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

export function UserCreateForm(p: Props) {
  const formId = `new-user-${p.code}`;
  return (
    <SetupForm action={p.action} id={formId} label={`${p.organizationName}に利用者を招待`} submit="招待する" resetOnSuccess>
      <input type="hidden" name="organizationId" value={p.organizationId} />
      <Field name="email" label="メールアドレス" type="email" autoComplete="off" required />
      <Field name="name" label="氏名" required />
      <Field name="role" label="役割" defaultValue="officer" options={p.roles} />
      <UnitsField id={`${formId}-unitIds`} units={p.units} />
    </SetupForm>
  );
}
