"use client";
// Revoke one token (失効): a small form per row; the page re-renders with the new state.
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";

export function TokenRevokeButton({ action, tokenId, tokenName }: { action: (prev: FormState, form: FormData) => Promise<FormState>; tokenId: string; tokenName: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} aria-label={`「${tokenName}」を失効させる`}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <button className="button button--secondary" type="submit" disabled={pending} aria-label={`「${tokenName}」を失効させる`}>
        失効させる
      </button>
      {state.status === "error" && <p className="field-error" role="alert">{state.message}</p>}
    </form>
  );
}
