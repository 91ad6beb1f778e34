"use client";
// A small form driven by a server action: shows the action's message, and its field errors beside the
// form's heading, without a page reload; works as a plain form post without JavaScript too.
import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/forms/action-state";

export function ActionForm({ action, children, label, className }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; children: ReactNode; label: string; className?: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  return (
    <form action={formAction} className={className ?? "form"} aria-label={label} aria-busy={pending}>
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
