"use client";
// Planning division: approve (publish) or return a submitted sheet with a reason.
import { useActionState } from "react";
import { initialSheetFormState, type SheetFormState } from "@/lib/sheets/form-state";

type Action = (prev: SheetFormState, form: FormData) => Promise<SheetFormState>;

export function ReviewActions({ approve, giveBack, measureId, evaluationYear, version }: { approve: Action; giveBack: Action; measureId: string; evaluationYear: number; version: number }) {
  const [approved, approveAction, approving] = useActionState(approve, initialSheetFormState);
  const [returned, returnAction, returning] = useActionState(giveBack, initialSheetFormState);
  const done = approved.status === "saved" ? approved : returned.status === "saved" ? returned : null;
  if (done) return <p className="form-notice" role="status">{done.message}</p>;
  const error = approved.status !== "idle" ? approved : returned.status !== "idle" ? returned : null;
  return (
    <section aria-labelledby="review-heading" className="status-panel">
      <h2 id="review-heading" style={{ marginTop: 0 }}>承認・差し戻し</h2>
      {error && error.status !== "saved" && <p className="form-error" role="alert">{error.message}</p>}
      <form action={approveAction}>
        <input type="hidden" name="measureId" value={measureId} />
        <input type="hidden" name="evaluationYear" value={evaluationYear} />
        <input type="hidden" name="version" value={version} />
        <button type="submit" className="button" disabled={approving}>承認して公開する</button>
      </form>
      <form action={returnAction} className="form" style={{ marginTop: 24 }}>
        <input type="hidden" name="measureId" value={measureId} />
        <input type="hidden" name="evaluationYear" value={evaluationYear} />
        <input type="hidden" name="version" value={version} />
        <div className="form-field">
          <label htmlFor="reason">差し戻しの理由</label>
          <textarea id="reason" name="reason" rows={3} aria-invalid={returned.fieldErrors?.reason ? true : undefined} aria-describedby={returned.fieldErrors?.reason ? "reason-error" : undefined} />
          {returned.fieldErrors?.reason && <p className="field-error" id="reason-error">{returned.fieldErrors.reason}</p>}
        </div>
        <button type="submit" className="button button--secondary" disabled={returning}>差し戻す</button>
      </form>
    </section>
  );
}
