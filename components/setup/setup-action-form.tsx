"use client";
// A small form on the one action path (move, retire/restore): the action's message beside it.
import { useActionState, type ReactNode } from "react";
import type { ActionResult, FormState } from "@/lib/actions/action";

export function SetupActionForm({ action, children, label }: { action: (prev: FormState, form: FormData) => Promise<ActionResult>; children: ReactNode; label: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as FormState);
  return (
    <form action={formAction} aria-label={label} aria-busy={pending} className="inline-form">
      {children}
      <span aria-live="polite">
        {state.status === "error" && <span className="field-error" role="alert">{state.message}</span>}
      </span>
    </form>
  );
}
