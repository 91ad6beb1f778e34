"use client";
// Opening a year whose deadline has passed: the server refuses without confirmation and says why beside this
// question; the button sends the same form again with the confirmation (no JavaScript dialog needed).
import { useEffect, useRef } from "react";
import { useFieldError } from "@/components/setup/setup-form";

export function PastDeadlineConfirm() {
  const question = useFieldError("confirmPastDeadline");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (question) ref.current?.focus();
  }, [question]);
  if (!question) return null;
  return (
    <div className="form-error" role="group" aria-labelledby="past-deadline-question" tabIndex={-1} ref={ref}>
      <p id="past-deadline-question" style={{ marginTop: 0 }}>
        {question}。このまま受付を開始しますか？
      </p>
      <button type="submit" name="confirmPastDeadline" value="yes" className="button">
        締切日が過ぎたまま受付を開始する
      </button>
    </div>
  );
}
