"use client";
// One button that runs a server action for one row (mark read, mark all read, resend): hidden fields carry the
// row; the action's refusal is shown beside the button. Works as a plain form post without JavaScript too.
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";

export function RowActionButton({ action, fields, label, accessibleLabel, secondary = true }: { action: (prev: FormState, form: FormData) => Promise<FormState>; fields: Record<string, string>; label: string; accessibleLabel?: string; secondary?: boolean }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    // no name on the form itself: named forms are landmarks, and rows with the same title would repeat one
    <form action={formAction} className="row-action">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button className={secondary ? "button button--secondary" : "button"} type="submit" disabled={pending} aria-label={accessibleLabel}>
        {pending ? "処理中…" : label}
      </button>
      <span aria-live="polite">
        {state.status === "error" && <span className="field-error" role="alert">{state.message}</span>}
        {state.status === "ok" && <span className="form-notice" role="status">{state.message}</span>}
      </span>
    </form>
  );
}
