"use client";
// The planning division's official rating: a choice from the plan's own scale, and a reason that is required
// when the rating differs from the computed status (the server decides; the hint says so beforehand).
// Messages sit beside their fields; typed text is kept after a refusal.
import { startTransition, useActionState, useEffect, useRef } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  measureId: string;
  evaluationYear: number;
  yearLabel: string;
  scale: string[];
  computed: string | null;
  current: { rating: string; reason: string | null } | null;
};

export function OfficialRatingForm({ action, measureId, evaluationYear, yearLabel, scale, computed, current }: Props) {
  const [state, run, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const firstInvalid = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (state.status === "error") firstInvalid.current?.focus();
  }, [state]);
  const invalid = (field: string) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `${field}-error` } : {});
  const refFor = (field: string) => (el: HTMLElement | null) => {
    if (errors[field] && el && !firstInvalid.current?.isConnected) firstInvalid.current = el;
  };
  return (
    <form
      className="form rating-form"
      aria-label="公式評価の設定"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        firstInvalid.current = null;
        const data = new FormData(e.currentTarget);
        startTransition(() => run(data));
      }}
    >
      <input type="hidden" name="measureId" value={measureId} />
      <input type="hidden" name="evaluationYear" value={evaluationYear} />
      <div aria-live="polite">
        {state.status === "ok" && <p className="form-notice">{state.message}</p>}
        {state.status === "error" && !Object.keys(errors).some((f) => f === "rating" || f === "reason") && (
          <p className="form-error" role="alert">{state.message}</p>
        )}
      </div>
      <div className="form-field">
        <label htmlFor="rating">{yearLabel}の公式評価</label>
        <select id="rating" name="rating" defaultValue={current?.rating ?? ""} ref={refFor("rating")} {...invalid("rating")}>
          <option value="">選んでください</option>
          {scale.map((mark) => (
            <option key={mark} value={mark}>
              {mark}
            </option>
          ))}
        </select>
        {errors.rating && <p id="rating-error" className="field-error">{errors.rating}</p>}
      </div>
      <div className="form-field">
        <label htmlFor="rating-reason">算出した判定と異なるときの理由</label>
        <p className="hint" id="rating-reason-hint">
          {computed ? `算出した判定は「${computed}」です。異なる評価にするときは必須で、KPIのページと委員会の一覧に表示されます。` : "算出した判定はありません（判定不能）。"}
        </p>
        <textarea
          id="rating-reason"
          name="reason"
          rows={3}
          defaultValue={current?.reason ?? ""}
          ref={refFor("reason")}
          aria-describedby={errors.reason ? "reason-error rating-reason-hint" : "rating-reason-hint"}
          aria-invalid={errors.reason ? true : undefined}
        />
        {errors.reason && <p id="reason-error" className="field-error">{errors.reason}</p>}
      </div>
      <button type="submit" className="button button--secondary" disabled={pending}>
        公式評価を保存
      </button>
    </form>
  );
}
