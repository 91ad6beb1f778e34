"use client";
// The officer's sheet form: the three narratives and the year's values. Checked in the browser with the
// same zod schema the server uses; errors appear beside their fields; a stale save is refused by the server
// and both versions are shown, with the officer's own text kept in the form.
import { useActionState, useState, useTransition } from "react";
import { fieldErrors, sheetEntrySchema, sheetFormToObject } from "@/lib/sheets/schemas";
import { initialSheetFormState, type SheetFormState } from "@/lib/sheets/form-state";

type Props = {
  action: (prev: SheetFormState, form: FormData) => Promise<SheetFormState>;
  measureId: string;
  evaluationYear: number;
  evaluationYearLabel: string;
  version: number;
  narratives: { effortStatus: string; issues: string; direction: string };
  values: { seriesId: string; label: string; unit: string | null; value: string; published: string | null }[];
};

const FIELDS = [
  ["effortStatus", "取組状況"],
  ["issues", "課題等"],
  ["direction", "今後の方向性"],
] as const;

export function SheetEntryForm(props: Props) {
  const [state, formAction] = useActionState(props.action, initialSheetFormState);
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(props.narratives);
  const [values, setValues] = useState(Object.fromEntries(props.values.map((v) => [v.seriesId, v.value])));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const units = Object.fromEntries(props.values.map((v) => [v.seriesId, v.unit]));
  const errors = { ...(state.fieldErrors ?? {}), ...clientErrors };
  const version = state.version ?? props.version;

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    form.set("intent", submitter?.value === "submit" ? "submit" : "draft");
    const parsed = sheetEntrySchema(units).safeParse(sheetFormToObject(form));
    if (!parsed.success) {
      setClientErrors(fieldErrors(parsed.error));
      return;
    }
    setClientErrors({});
    startTransition(() => formAction(form));
  }

  const describedBy = (name: string) => (errors[name] ? `${name}-error` : undefined);
  return (
    <form onSubmit={onSubmit} className="form" noValidate aria-describedby="sheet-status">
      <div id="sheet-status" aria-live="polite">
        {state.status === "saved" && <p className="form-notice">{state.message}</p>}
        {state.status === "error" && <p className="form-error" role="alert">{state.message}</p>}
        {Object.keys(clientErrors).length > 0 && <p className="form-error" role="alert">入力内容を確認してください。</p>}
      </div>
      {state.status === "conflict" && state.current && (
        <section className="form-error" role="alert" aria-labelledby="conflict-heading">
          <h2 id="conflict-heading" style={{ marginTop: 0 }}>保存できませんでした（他の人が先に保存しています）</h2>
          <p>{state.message}</p>
          <p>
            相手の保存：{state.current.updatedBy ?? "不明"}
            {state.current.updatedAt && `（${new Date(state.current.updatedAt).toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" })}）`}
          </p>
          <div className="conflict-grid">
            {FIELDS.map(([key, label]) => (
              <div key={key}>
                <h3>{label}</h3>
                <div className="conflict-columns">
                  <div>
                    <h4>相手の内容（保存済み）</h4>
                    <p style={{ whiteSpace: "pre-wrap" }}>{state.current![key] ?? "（空欄）"}</p>
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
      {FIELDS.map(([key, label]) => (
        <div key={key} className="form-field">
          <label htmlFor={key}>{label}</label>
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
      ))}
      <p className="hint">段落や「・」で始まる項目は1行ずつ入力してください。</p>
      <div style={{ display: "flex", gap: 16 }}>
        <button type="submit" name="intent" value="draft" className="button button--secondary" disabled={pending}>
          下書き保存
        </button>
        <button type="submit" name="intent" value="submit" className="button" disabled={pending}>
          提出する
        </button>
      </div>
    </form>
  );
}
