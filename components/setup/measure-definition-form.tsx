"use client";
// The whole definition of one KPI in one form: No, name, section, notes, owners and value series (baseline,
// target, yearly targets). Fixed slots instead of add buttons; every control is named by the zod path it fills,
// so each field error appears beside its field. The form is uncontrolled and submitted without a reset, so a
// refused form keeps everything typed.
import { useActionState, useTransition, type ReactNode } from "react";
import type { ActionResult, FormState } from "@/lib/actions/action";
import { AGGREGATION_LABELS, DIRECTION_LABELS, TARGET_KIND_LABELS } from "@/lib/setup/measure-schema";
import styles from "./setup.module.css";

type Choice = { value: string; label: string };
export type MeasureFormProps = {
  action: (prev: FormState<never>, form: FormData) => Promise<ActionResult<unknown>>;
  code: string;
  slug: string;
  planId: string;
  currentNumber: string | null;
  /** the stored definition's digest when the page was opened: a save after someone else's is refused, not merged */
  expected: string | null;
  /** 運用中: a changed baseline or target needs a reason */
  planActive: boolean;
  values: Record<string, string>;
  ownerChoices: (Choice & { isDivision: boolean })[];
  sectionChoices: (Choice & { nested: boolean })[];
  years: Choice[];
  ownerSlots: number;
  seriesSlots: number;
  yearlyTargetSlots: number;
  /** labels of series that have actuals (cannot be removed) and of stored series (can be removed) */
  seriesWithActuals: string[];
  storedSeries: number;
  notice: string | null;
};

const idOf = (name: string) => `f-${name.replace(/\./g, "-")}`;

export function MeasureDefinitionForm(p: MeasureFormProps) {
  const [state, formAction] = useActionState(p.action as (prev: FormState, form: FormData) => Promise<ActionResult<unknown>>, { status: "idle" } as FormState);
  const [pending, startTransition] = useTransition();
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const v = (name: string) => p.values[name] ?? "";

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => formAction(form));
  }

  const error = (...names: string[]) => {
    const found = names.map((n) => [n, errors[n]] as const).filter(([, m]) => m);
    return found.map(([n, m]) => (
      <p key={n} className="field-error" id={`${idOf(n)}-error`}>
        {m}
      </p>
    ));
  };
  const described = (name: string, hint?: string) => [errors[name] ? `${idOf(name)}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  function field(name: string, label: string, control: ReactNode, opts: { hint?: string; also?: string[]; wide?: boolean } = {}) {
    return (
      <div className={`form-field ${opts.wide ? styles.wide : ""}`}>
        <label htmlFor={idOf(name)}>{label}</label>
        {control}
        {opts.hint && (
          <p className="hint" id={`${idOf(name)}-hint`}>
            {opts.hint}
          </p>
        )}
        {error(name, ...(opts.also ?? []))}
      </div>
    );
  }
  const text = (name: string, label: string, opts: { hint?: string; also?: string[]; wide?: boolean; required?: boolean; inputMode?: "text" | "decimal" } = {}) =>
    field(
      name,
      label,
      <input
        id={idOf(name)}
        name={name}
        defaultValue={v(name)}
        aria-invalid={errors[name] || opts.also?.some((a) => errors[a]) ? true : undefined}
        aria-describedby={described(name, opts.hint ? `${idOf(name)}-hint` : undefined)}
        aria-required={opts.required || undefined}
      />,
      opts,
    );
  const select = (name: string, label: string, choices: Choice[], empty: string | null, opts: { also?: string[]; hint?: string } = {}) =>
    field(
      name,
      label,
      <select
        id={idOf(name)}
        name={name}
        defaultValue={v(name)}
        aria-invalid={errors[name] || opts.also?.some((a) => errors[a]) ? true : undefined}
        aria-describedby={described(name, opts.hint ? `${idOf(name)}-hint` : undefined)}
      >
        {empty !== null && <option value="">{empty}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>,
      opts,
    );

  const kinds = Object.entries(TARGET_KIND_LABELS).map(([value, label]) => ({ value, label }));
  const directions = Object.entries(DIRECTION_LABELS).map(([value, label]) => ({ value, label }));
  const aggregations = Object.entries(AGGREGATION_LABELS).map(([value, label]) => ({ value, label }));
  const summary = Object.entries(errors);

  return (
    <form onSubmit={onSubmit} className={`form ${styles.form}`} noValidate aria-label="指標の設定" aria-busy={pending}>
      <div aria-live="polite">
        {p.notice && state.status === "idle" && <p className="form-notice">{p.notice}</p>}
        {state.status === "ok" && <p className="form-notice">{state.message}</p>}
        {state.status === "error" && (
          <div className="form-error" role="alert">
            <p style={{ margin: 0 }}>{state.message}</p>
            {summary.length > 1 && (
              <ul>
                {summary.map(([k, m]) => (
                  <li key={k}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <input type="hidden" name="planId" value={p.planId} />
      <input type="hidden" name="code" value={p.code} />
      <input type="hidden" name="slug" value={p.slug} />
      {p.currentNumber !== null && <input type="hidden" name="currentNumber" value={p.currentNumber} />}
      {p.expected !== null && <input type="hidden" name="expected" value={p.expected} />}

      <fieldset className={styles.group}>
        <legend>指標</legend>
        <div className={styles.grid}>
          {text("number", "No", { hint: "印字どおり（例：1、追加1、1-1）", required: true })}
          {select("kind", "種別", [{ value: "kpi", label: "KPI（重要業績評価指標）" }, { value: "goal", label: "基本目標の数値目標" }], null)}
          {select("section", "区分（基本目標・施策）", p.sectionChoices.map((s) => ({ value: s.value, label: s.nested ? `　${s.label}` : s.label })), "（なし）")}
        </div>
        {text("name", "指標名", { required: true, wide: true })}
        {text("footnote", "注（＊）", { wide: true })}
        {field(
          "notes",
          "備考（1行に1つ）",
          <textarea id={idOf("notes")} name="notes" defaultValue={v("notes")} rows={3} className={styles.short} aria-invalid={Object.keys(errors).some((k) => k.startsWith("notes")) || undefined} />,
          { also: Object.keys(errors).filter((k) => k.startsWith("notes.")) },
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend>担当</legend>
        <p className="hint">部だけを選ぶと、その部のすべての課の職員が担当になります。不要な行は「（なし）」のままにします。</p>
        {error("owners")}
        {Array.from({ length: p.ownerSlots }, (_, i) =>
          select(
            `owners.${i}.department`,
            i === 0 ? "担当（部・課）" : `担当を追加（${i + 1}）`,
            p.ownerChoices.map((c) => ({ value: c.value, label: c.isDivision ? `　${c.label}` : c.label })),
            "（なし）",
            { also: [`owners.${i}.division`] },
          ),
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend>系列（単年・累計など）と基準値・目標値</legend>
        <p className="hint">値は数値（1,027、▲12、45.6）または「－」「完了」などの文字で入力します。印字は表示がふつうの数値と違うときだけ入力します（例：5年間に40件）。</p>
        {error("series")}
        {Array.from({ length: p.seriesSlots }, (_, i) => {
          const s = `series.${i}`;
          const stored = i < p.storedSeries;
          const label = v(`${s}.label`);
          const locked = stored && p.seriesWithActuals.includes(label);
          const hasYearly = Array.from({ length: p.yearlyTargetSlots }, (_, j) => v(`${s}.yearlyTargets.${j}.year`)).some(Boolean) || Object.keys(errors).some((k) => k.startsWith(`${s}.yearlyTargets`));
          return (
            <fieldset key={i} className={styles.series}>
              <legend>{stored ? `系列 ${i + 1}：${label}` : `系列を追加（${i + 1}）`}</legend>
              <div className={styles.grid}>
                {text(`${s}.label`, "区分", { hint: "例：単年、累計", also: [`${s}`] })}
                {text(`${s}.unit`, "単位", { hint: "例：件、人、%" })}
                {select(`${s}.aggregation`, "集計方法（実績値(目標値比較)）", aggregations, "（なし）")}
              </div>
              <div className={styles.check}>
                <input
                  type="checkbox"
                  id={idOf(`${s}.countsWithinPeriod`)}
                  name={`${s}.countsWithinPeriod`}
                  value="1"
                  defaultChecked={v(`${s}.countsWithinPeriod`) !== ""}
                  aria-describedby={`${idOf(`${s}.countsWithinPeriod`)}-hint`}
                />
                <label htmlFor={idOf(`${s}.countsWithinPeriod`)}>計画期間内の累計として数える</label>
              </div>
              <p className="hint" id={`${idOf(`${s}.countsWithinPeriod`)}-hint`}>
                実績値が計画期間の初年度からの累計で、基準値が前の期間の合計のとき（例：単位「件/4年」の累計）
              </p>
              <fieldset className={styles.sub}>
                <legend>基準値（戦略策定時）</legend>
                <div className={styles.grid}>
                  {select(`${s}.baseline.year`, "基準値の年度", p.years, "（なし）")}
                  {text(`${s}.baseline.value`, "基準値")}
                  {text(`${s}.baseline.text`, "基準値の印字")}
                </div>
              </fieldset>
              <fieldset className={styles.sub}>
                <legend>目標</legend>
                <div className={styles.grid}>
                  {select(`${s}.target.kind`, "目標の種類", kinds, "（目標なし）")}
                  {select(`${s}.target.direction`, "目標の方向", directions, "（なし）")}
                  {select(`${s}.target.year`, "目標年度", p.years, "（なし）")}
                  {text(`${s}.target.value`, "目標値")}
                  {text(`${s}.target.text`, "目標の印字", { hint: "例：前年比減、完了、5年間に40件" })}
                  {select(`${s}.target.periodStart`, "期間の開始年度（期間合計）", p.years, "（なし）")}
                  {select(`${s}.target.periodEnd`, "期間の終了年度（期間合計）", p.years, "（なし）")}
                </div>
              </fieldset>
              <details open={hasYearly || undefined} className={styles.sub}>
                <summary>年度別目標値（任意）</summary>
                {Array.from({ length: p.yearlyTargetSlots }, (_, j) => {
                  const y = `${s}.yearlyTargets.${j}`;
                  return (
                    <div key={j} className={styles.grid}>
                      {select(`${y}.year`, `年度（${j + 1}）`, p.years, "（なし）")}
                      {text(`${y}.value`, `目標値（${j + 1}）`)}
                      {text(`${y}.text`, `印字（${j + 1}）`)}
                    </div>
                  );
                })}
              </details>
              {stored &&
                (locked ? (
                  <p className="hint">この系列には実績値があるため削除できません。</p>
                ) : (
                  <div className={styles.check}>
                    <input type="checkbox" id={idOf(`${s}.remove`)} name={`${s}.remove`} value="1" />
                    <label htmlFor={idOf(`${s}.remove`)}>この系列を削除する</label>
                  </div>
                ))}
            </fieldset>
          );
        })}
      </fieldset>

      {p.planActive && p.currentNumber !== null && (
        <div className="form-field">
          <label htmlFor={idOf("reason")}>変更の理由</label>
          <p className="hint" id={`${idOf("reason")}-hint`}>
            この計画は運用中です。基準値・目標値を変更するときは理由が必要です（指標のページの変更履歴に公開されます）。
          </p>
          <textarea
            id={idOf("reason")}
            name="reason"
            rows={3}
            className={styles.short}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={described("reason", `${idOf("reason")}-hint`)}
          />
          {error("reason")}
        </div>
      )}
      <div>
        <button type="submit" className="button" disabled={pending}>
          {p.currentNumber === null ? "指標を追加する" : "設定を保存する"}
        </button>
      </div>
    </form>
  );
}
