"use client";
// The planning division's decision on a submitted sheet: approve (publish), or return it with a reason. Each
// form shows its own outcome beside its button; the reason's error sits beside the reason, which keeps what
// was typed.
import { useActionState, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/action";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Action = (prev: FormState, form: FormData) => Promise<ActionResult>;
type Props = { approve: Action; giveBack: Action; measureId: string; number: string; evaluationYear: number; version: number; queue: string };

export function ApprovalActions({ approve, giveBack, measureId, number, evaluationYear, version, queue }: Props) {
  const [approved, approveAction, approving] = useActionState(approve, IDLE);
  const [returned, returnAction, returning] = useActionState(giveBack, IDLE);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  // controlled: React resets a form's uncontrolled fields after its action, and a refused reason must stay
  const [reason, setReason] = useState("");
  const returnError = returned.status === "error" ? returned : null;
  const reasonError = returnError?.fieldErrors?.reason;
  useEffect(() => {
    if (reasonError) reasonRef.current?.focus();
  }, [reasonError, returned]);
  const hidden = (
    <>
      <input type="hidden" name="measureId" value={measureId} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="evaluationYear" value={evaluationYear} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="queue" value={queue} />
    </>
  );
  return (
    <section aria-labelledby="decision-heading" className="status-panel">
      <h2 id="decision-heading" style={{ marginTop: 0 }}>承認・差し戻し</h2>
      <form action={approveAction} aria-label="承認" aria-busy={approving}>
        {hidden}
        <p className="hint">承認すると、提出された値と記述が公開され、指標の変更履歴に残ります。</p>
        <button type="submit" className="button" disabled={approving || returning}>承認して公開する</button>
        <div aria-live="polite">{approved.status === "error" && <p className="form-error" role="alert">{approved.message}</p>}</div>
      </form>
      <form action={returnAction} className="form" style={{ marginTop: 24 }} aria-label="差し戻し" aria-busy={returning}>
        {hidden}
        <div className="form-field">
          <label htmlFor="return-reason">差し戻しの理由（必須）</label>
          <textarea
            ref={reasonRef}
            id="return-reason"
            name="reason"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? "return-reason-error" : "return-reason-hint"}
            style={{ minHeight: 96 }}
          />
          {reasonError ? (
            <p className="field-error" id="return-reason-error">{reasonError}</p>
          ) : (
            <p className="hint" id="return-reason-hint">担当課に届く理由です。直してほしい点を具体的に書いてください。</p>
          )}
        </div>
        <div>
          <button type="submit" className="button button--secondary" disabled={approving || returning}>差し戻す</button>
        </div>
        <div aria-live="polite">{returnError && !reasonError && <p className="form-error" role="alert">{returnError.message}</p>}</div>
      </form>
    </section>
  );
}
