"use client";
// A set-up form on the one action path: the action's message above the fields, each field's error beside it
// (by the zod path of the field's name), and what was typed kept when the action refuses (the form is not
// reset on error). Works as a plain form post without JavaScript too.
import { createContext, useActionState, useContext, useEffect, useRef, startTransition, type ReactNode } from "react";
import type { FormState } from "@/lib/actions/form-state";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;
const StateContext = createContext<{ state: FormState; formId: string }>({ state: { status: "idle" }, formId: "" });

export function SetupForm({ action, label, id, children, className, resetOnSuccess = false, submit, renderSuccess }: { action: Action; label: string; id: string; children: ReactNode; className?: string; resetOnSuccess?: boolean; submit: string | null; renderSuccess?: (data: unknown) => ReactNode }) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" } as FormState);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "ok" && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <form
      ref={ref}
      id={id}
      action={dispatch}
      onSubmit={(e) => {
        // submitted by hand so that React does not reset the fields: a refused form keeps what was typed
        e.preventDefault();
        const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
        startTransition(() => dispatch(data));
      }}
      className={className ?? "form"}
      aria-label={label}
      aria-busy={pending}
      noValidate
    >
      <StateContext.Provider value={{ state, formId: id }}>
        <FormMessage />
        {state.status === "ok" && renderSuccess?.(state.data)}
        {children}
        {submit !== null && (
          <div>
            <button type="submit" className="button" disabled={pending}>
              {pending ? "処理中…" : submit}
            </button>
          </div>
        )}
      </StateContext.Provider>
    </form>
  );
}

/** The action's message: a notice on success, an alert (with errors not tied to a shown field) on refusal. */
function FormMessage() {
  const { state } = useContext(StateContext);
  return (
    <div aria-live="polite">
      {state.status === "ok" && <p className="form-notice" role="status">{state.message}</p>}
      {state.status === "error" && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}

export function useFieldError(name: string): string | undefined {
  const { state } = useContext(StateContext);
  return state.status === "error" ? state.fieldErrors?.[name] : undefined;
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
  type?: "text" | "email" | "number" | "password" | "date";
  options?: { value: string; label: string }[];
  multiline?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "text";
  pattern?: string;
};

/** A labelled input, select or textarea with its hint and its error beside it. */
export function Field({ name, label, hint, defaultValue, required, type = "text", options, multiline, autoComplete, inputMode, pattern }: FieldProps) {
  const { formId } = useContext(StateContext);
  const error = useFieldError(name);
  const id = `${formId}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = { id, name, required, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, defaultValue };
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {label}
        {required && <span className="muted">（必須）</span>}
      </label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      {options ? (
        <select {...common}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      ) : multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} inputMode={inputMode} pattern={pattern} />
      )}
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

