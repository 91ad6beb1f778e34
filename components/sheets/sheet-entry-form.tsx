"use client";
// The officer's sheet form: the three narratives and the year's values. Checked in the browser with the
// same zod schema the server uses; errors appear beside their fields; a stale save is refused by the server
// and both versions are shown, with the officer's own text kept in the form (the fields are controlled, so a
// refused save never loses what was typed). The published text stands beside each narrative, the status the
// typed values would get is previewed live, and the answer to a save appears next to the button that was
// pressed, with focus moved to it.
import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { fieldErrors, sheetEntrySchema, sheetFormToObject } from "@/lib/sheets/schemas";
import { IDLE } from "@/lib/actions/form-state";
import { nextVersion, sheetConflict, type SheetFormState } from "@/lib/sheets/form-state";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { StatusPreview, type StatusPreviewInput } from "./status-preview";
import styles from "./sheet-entry-form.module.css";

type Props = {
  action: (prev: SheetFormState, form: FormData) => Promise<SheetFormState>;
  measureId: string;
  evaluationYear: number;
  evaluationYearLabel: string;
  version: number;
  narratives: { effortStatus: string; issues: string; direction: string };
  values: { seriesId: string; label: string; unit: string | null; value: string; published: string | null }[];
  /** the published narratives (this year's, or the latest earlier year's), shown read-only beside the draft */
  published?: { evaluationYear: number; effortStatus: string | null; issues: string | null; direction: string | null } | null;
  /** the plan's rule and each series without this year's actual: the live status preview */
  preview?: StatusPreviewInput;
};

type Intent = "draft" | "submit";

const FIELDS = [
  ["effortStatus", "取組状況"],
  ["issues", "課題等"],
  ["direction", "今後の方向性"],
] as const;

export function SheetEntryForm(props: Props) {
  const [state, formAction] = useActionState(props.action, IDLE as SheetFormState);
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(props.narratives);
  const [values, setValues] = useState(Object.fromEntries(props.values.map((v) => [v.seriesId, v.value])));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [intent, setIntent] = useState<Intent>("draft");
  // each press gets its own answer: a client-side refusal counts as one too
  const [answered, setAnswered] = useState(0);
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (answered > 0 || state.status !== "idle") answer.current?.focus();
  }, [state, answered]);
  const units = Object.fromEntries(props.values.map((v) => [v.seriesId, v.unit]));
  const errors = { ...((state.status === "error" && state.fieldErrors) || {}), ...clientErrors };
  const version = nextVersion(state, props.version);
  const conflict = sheetConflict(state);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const pressed: Intent = submitter?.value === "submit" ? "submit" : "draft";
    form.set("intent", pressed);
    setIntent(pressed);
    const parsed = sheetEntrySchema(units).safeParse(sheetFormToObject(form));
    if (!parsed.success) {
      setClientErrors(fieldErrors(parsed.error));
      setAnswered((n) => n + 1);
      return;
    }
    setClientErrors({});
    startTransition(() => formAction(form));
  }

  const describedBy = (name: string) => (errors[name] ? `${name}-error` : undefined);
  return (
    <form onSubmit={onSubmit} className={`form ${styles.form}`} noValidate aria-label="シートの入力">
      {conflict && (
        <section className="form-error" role="alert" aria-labelledby="conflict-heading">
          <h2 id="conflict-heading" style={{ marginTop: 0 }}>保存できませんでした（他の人が先に保存しています）</h2>
          <p>{state.status === "error" && state.message}</p>
          <p>
            相手の保存：{conflict.updatedBy ?? "不明"}
            {conflict.updatedAt && `（${new Date(conflict.updatedAt).toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" })}）`}
          </p>
          <div className="conflict-grid">
            {FIELDS.map(([key, label]) => (
              <div key={key}>
                <h3>{label}</h3>
                <div className="conflict-columns">
                  <div>
                    <h4>相手の内容（保存済み）</h4>
                    <p style={{ whiteSpace: "pre-wrap" }}>{conflict[key] ?? "（空欄）"}</p>
                  </div>
                  <div>
                    <h4>あなたの入力（未保存）</h4>
                    <p style={{ whiteSpace: "pre-wrap" }}>{text[key] || "（空欄）"}</p>
                  </div>
                </div>
              </div>
            ))}
          </div>
          <p>あなたの入力はフォームに残っています。相手の内容を踏まえて修正し、もう一度保存してください（次の保存は相手の版に対して行われます）。</p>
        </section>
      )}
      <input type="hidden" name="measureId" value={props.measureId} />
      <input type="hidden" name="evaluationYear" value={props.evaluationYear} />
      <input type="hidden" name="version" value={version} />
      <fieldset className="form-field">
        <legend>{props.evaluationYearLabel}の実績値</legend>
        <p className="hint">数値（1,759、１７５９、1,759人、▲12 など）または「集計中」「－」などの文字で入力します。</p>
        {props.values.map((v) => {
          const name = `value:${v.seriesId}`;
          return (
            <div key={v.seriesId} className="form-field">
              <label htmlFor={`v-${v.seriesId}`}>
                {v.label}
                {v.unit && `（${v.unit}）`}
              </label>
              <input
                id={`v-${v.seriesId}`}
                name={name}
                value={values[v.seriesId] ?? ""}
                onChange={(e) => setValues({ ...values, [v.seriesId]: e.target.value })}
                aria-invalid={errors[name] ? true : undefined}
                aria-describedby={describedBy(name)}
                inputMode="text"
                style={{ maxWidth: 240 }}
              />
              {v.published !== null && <p className="hint">公開中の値：{v.published}</p>}
              {errors[name] && <p className="field-error" id={`${name}-error`}>{errors[name]}</p>}
            </div>
          );
        })}
      </fieldset>
      {props.preview && <StatusPreview preview={props.preview} year={props.evaluationYear} values={values} />}
      {FIELDS.map(([key, label]) => (
        <div key={key} className={styles.narrative}>
          <div className="form-field">
            <label htmlFor={key}>{label}（下書き）</label>
            <textarea
              id={key}
              name={key}
              value={text[key]}
              onChange={(e) => setText({ ...text, [key]: e.target.value })}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={describedBy(key)}
              rows={8}
            />
            {errors[key] && <p className="field-error" id={`${key}-error`}>{errors[key]}</p>}
          </div>
          {props.published !== undefined && (
            <section className={styles.published} aria-label={`${label}：公開中の内容`}>
              <h3>公開中の内容{props.published && `（${fiscalYearWithWestern(props.published.evaluationYear)}）`}</h3>
              <p>{props.published?.[key] ?? "（公開されている内容はありません）"}</p>
            </section>
          )}
        </div>
      ))}
      <p className="hint">段落や「・」で始まる項目は1行ずつ入力してください。</p>
      <div className={styles.actions}>
        {(["draft", "submit"] as const).map((which) => (
          <div key={which} className={styles.action}>
            <button type="submit" name="intent" value={which} className={which === "draft" ? "button button--secondary" : "button"} disabled={pending}>
              {which === "draft" ? "下書き保存" : "提出する"}
            </button>
            {intent === which && (
              <div id="sheet-status" ref={answer} tabIndex={-1} aria-live="polite" className={styles.answer}>
                {pending && <p className="hint">{which === "draft" ? "保存しています…" : "提出しています…"}</p>}
                {!pending && Object.keys(clientErrors).length > 0 && <p className="form-error" role="alert">入力内容を確認してください（各欄の下に理由があります）。</p>}
                {!pending && Object.keys(clientErrors).length === 0 && state.status === "ok" && <p className="form-notice" role="status">{state.message}</p>}
                {!pending && Object.keys(clientErrors).length === 0 && state.status === "error" && !conflict && <p className="form-error" role="alert">{state.message}</p>}
                {!pending && Object.keys(clientErrors).length === 0 && conflict && <p className="form-error" role="alert">保存できませんでした。ほかの人が先に保存しています（上の比較を確認してください）。</p>}
              </div>
            )}
          </div>
        ))}
      </div>
    </form>
  );
}
