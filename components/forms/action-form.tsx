"use client";
// A small form driven by a server action: shows the action's message, and its field errors beside the
// form's heading, without a page reload; works as a plain form post without JavaScript too. Submitted by hand
// so that React does not reset the fields: a refused form keeps what was typed; a successful one is cleared.
import { startTransition, useActionState, useEffect, useRef, type ReactNode } from "react";
import type { ActionState } from "@/lib/forms/action-state";

export function ActionForm({ action, children, label, className }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; children: ReactNode; label: string; className?: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "ok") ref.current?.reset();
  }, [state]);
  return (
    <form
      ref={ref}
      action={formAction}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
      className={className ?? "form"}
      aria-label={label}
      aria-busy={pending}
    >
      <div aria-live="polite">
        {state.status === "ok" && <p className="form-notice">{state.message}</p>}
        {state.status === "error" && (
          <div className="form-error" role="alert">
            <p style={{ margin: 0 }}>{state.message}</p>
            {state.fieldErrors && (
              <ul>
                {Object.entries(state.fieldErrors).map(([field, message]) => (
                  <li key={field}>{message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {children}
    </form>
  );
}
