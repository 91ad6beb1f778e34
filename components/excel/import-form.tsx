"use client";
// Upload a workbook → every problem listed beside the form, or the differences shown for confirmation (values,
// narratives as a diff, rows changed since the export each with a required choice, and the edits that are not
// imported) → confirm → saved as drafts. The confirmation carries the checked changes in a signed hidden field.
import { useActionState } from "react";
import { cellText } from "@/lib/format";
import { measurePath } from "@/lib/paths";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { initialImportFormState, type ImportChangeView, type ImportFormState, type ImportPreview } from "@/lib/excel/form-state";
import type { NotImported } from "@/lib/excel/not-imported";
import type { StoredCell } from "@/lib/excel/cells";
import { NARRATIVE_LABELS, NarrativeDiff } from "@/components/sheets/narrative-diff";

type Props = {
  action: (prev: ImportFormState, form: FormData) => Promise<ImportFormState>;
  years: { fiscalYear: number; open: boolean }[];
  defaultYear: number | null;
  /** the plan, for links to the saved sheets' edit pages */
  organizationCode: string;
  planSlug: string;
};

const show = (c: StoredCell | null) => (c ? cellText(c) : "") || "（空欄）";

export function ExcelImportForm({ action, years, defaultYear, organizationCode, planSlug }: Props) {
  const [state, formAction, pending] = useActionState(action, initialImportFormState);
  return (
    <>
      <div aria-live="polite">
        {state.status === "invalid" && (
          <div className="form-error" role="alert" id="import-errors">
            <p style={{ marginTop: 0 }}>{state.message}</p>
            <ul>
              {state.errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          </div>
        )}
        {state.status === "unchanged" && (
          <p className="form-notice" role="status">
            {state.message}
          </p>
        )}
        {state.status === "applied" && (
          <div className="form-notice" role="status">
            <p style={{ margin: 0 }}>{state.message}</p>
            {state.sheets.length > 0 && (
              <ul>
                {state.sheets.map((s) => (
                  <li key={s.number}>
                    <a href={`${measurePath(organizationCode, planSlug, s.number)}/edit`}>
                      No {s.number} {s.name}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>

      {state.status === "unchanged" && state.notImported.length > 0 && <NotImportedTable rows={state.notImported} />}

      {state.status === "preview" && <Preview state={state} formAction={formAction} pending={pending} />}

      <form action={formAction} className="form" aria-label="Excel ファイルのアップロード" aria-busy={pending} aria-describedby={state.status === "invalid" ? "import-errors" : undefined}>
        <input type="hidden" name="intent" value="preview" />
        <div className="form-field">
          <label htmlFor="import-file">Excel ファイル（.xlsx）</label>
          <input id="import-file" name="file" type="file" required accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="import-file-hint" />
          <p className="hint" id="import-file-hint">このサイトから書き出したファイルの「指標」「記述」シートを使います（900KB まで）。Excel・LibreOffice・openpyxl などで保存したファイルも読み込めます。</p>
        </div>
        <div className="form-field">
          <label htmlFor="import-year">取り込む評価年度</label>
          <select id="import-year" name="evaluationYear" defaultValue={defaultYear ?? undefined} required aria-describedby="import-year-hint">
            {years.map((y) => (
              <option key={y.fiscalYear} value={y.fiscalYear}>
                {fiscalYearWithWestern(y.fiscalYear)}（{y.open ? "受付中" : "受付していません"}）
              </option>
            ))}
          </select>
          <p className="hint" id="import-year-hint">この年度の実績値の列（例：R5実績値（2023））と、この年度の記述の行だけを取り込みます。</p>
        </div>
        <div>
          <button type="submit" className="button" disabled={pending}>{pending ? "確認しています…" : "内容を確認する"}</button>
        </div>
      </form>
    </>
  );
}

const CHOICES = [
  ["keep", "現在の内容を残す"],
  ["file", "ファイルの内容にする"],
] as const;

type ValueView = Extract<ImportChangeView, { kind: "value" }>;
type NarrativeView = Extract<ImportChangeView, { kind: "narrative" }>;
const where = (c: { sheet: string; row: number }) => `シート『${c.sheet}』${c.row}行目`;

function ValuesTable({ rows, year, caption }: { rows: ValueView[]; year: number; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table" style={{ minWidth: 640 }}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">行</th>
            <th scope="col">No</th>
            <th scope="col">指標名</th>
            <th scope="col">区分</th>
            <th scope="col">年度</th>
            <th scope="col" className="num">現在の値</th>
            <th scope="col" className="num">新しい値</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.key}>
              <td className="num">{c.row}</td>
              <td>{c.number}</td>
              <th scope="row">{c.measureName}</th>
              <td>{c.seriesLabel}{c.unit && <span className="muted">（{c.unit}）</span>}</td>
              <td>{fiscalYearWithWestern(year)}</td>
              <td className="num">{show(c.before)}</td>
              <td className="num"><strong>{show(c.after)}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Narratives({ rows }: { rows: NarrativeView[] }) {
  return (
    <ul className="plain-list" style={{ listStyle: "none", padding: 0 }}>
      {rows.map((c) => (
        <li key={`${c.key}-${c.field}`} style={{ borderTop: "1px solid var(--line)", paddingTop: 8 }}>
          <p style={{ margin: 0 }}>
            <strong>No {c.number} {c.measureName}</strong> <span className="muted">（{where(c)}）</span>
            {c.after === null && <strong>：記述を空欄にします</strong>}
          </p>
          {/* both texts whole (a rewrite reads badly as a character diff), then the diff on request */}
          <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(260px, 1fr))", gap: 12, marginTop: 4 }}>
            {[
              ["現在の" + NARRATIVE_LABELS[c.field], c.before],
              ["取り込む" + NARRATIVE_LABELS[c.field], c.after],
            ].map(([label, text]) => (
              <div key={label}>
                <p className="muted" style={{ margin: 0 }}>{label}</p>
                <p style={{ whiteSpace: "pre-wrap", margin: "4px 0 0" }}>{text || "（空欄）"}</p>
              </div>
            ))}
          </div>
          <details style={{ marginTop: 8 }}>
            <summary>文字ごとの差分を表示</summary>
            <NarrativeDiff change={{ field: c.field, before: c.before ?? "", after: c.after ?? "" }} />
          </details>
        </li>
      ))}
    </ul>
  );
}

function Preview({ state, formAction, pending }: { state: ImportPreview; formAction: (form: FormData) => void; pending: boolean }) {
  const fresh = state.changes.filter((c) => !c.stale);
  const stale = [...new Set(state.changes.filter((c) => c.stale).map((c) => c.key))].map((key) => state.changes.filter((c) => c.key === key));
  const values = (cs: ImportChangeView[]) => cs.filter((c): c is ValueView => c.kind === "value");
  const narratives = (cs: ImportChangeView[]) => cs.filter((c): c is NarrativeView => c.kind === "narrative");
  const year = fiscalYearWithWestern(state.evaluationYear);
  return (
    <section aria-labelledby="preview-heading" className="status-panel">
      <h2 id="preview-heading" style={{ marginTop: 0 }}>取り込む内容の確認</h2>
      <p>
        次の{state.changes.length}件の変更を、{year}の各シートの下書きとして保存します。まだ公開はされません（担当課が提出し、企画担当が承認すると公開されます）。
      </p>
      {state.message && <p className="form-error" role="alert" id="choice-errors">{state.message}</p>}
      <form action={formAction} aria-label="取り込みの確定" noValidate>
        {values(fresh).length > 0 && <ValuesTable rows={values(fresh)} year={state.evaluationYear} caption="変更される値" />}
        {narratives(fresh).length > 0 && (
          <>
            <h3>変更される記述</h3>
            <Narratives rows={narratives(fresh)} />
          </>
        )}
        {stale.length > 0 && (
          <>
            <h3 id="stale-heading">書き出し後に更新されています（{stale.length}行）</h3>
            <p className="hint">
              これらの行のシートは、ファイルを書き出した後に保存・提出・承認などで更新されています。行ごとに、現在の内容を残すか、ファイルの内容にするかを選んでください（選ぶまで確定できません）。
            </p>
            {stale.map((rows) => {
              const first = rows[0];
              const error = state.choiceErrors?.[first.key];
              const id = `choice-${first.key}`;
              return (
                // min-width 0: a fieldset is as wide as its widest content by default, which would widen the page on a phone
                <fieldset key={first.key} style={{ border: "2px solid var(--line)", borderRadius: 8, margin: "12px 0", padding: 12, minWidth: 0 }} aria-describedby={error ? `${id}-error` : undefined}>
                  <legend style={{ fontWeight: 700, padding: "0 4px" }}>
                    {where(first)}：No {first.number} {first.measureName}（書き出し後に更新されています。版 {first.fileVersion ?? "不明"} → 現在 {first.version}）
                  </legend>
                  {values(rows).length > 0 && <ValuesTable rows={values(rows)} year={state.evaluationYear} caption={`${where(first)}の値`} />}
                  {narratives(rows).length > 0 && <Narratives rows={narratives(rows)} />}
                  {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
                  <div style={{ display: "flex", gap: 24, flexWrap: "wrap", marginTop: 8 }}>
                    {CHOICES.map(([value, label]) => (
                      <label key={value} style={{ display: "inline-flex", alignItems: "center", gap: 8, minHeight: 44 }}>
                        <input type="radio" name={`choice:${first.key}`} value={value} aria-invalid={error ? true : undefined} style={{ width: 20, height: 20, margin: 0 }} />
                        {label}
                      </label>
                    ))}
                  </div>
                </fieldset>
              );
            })}
          </>
        )}
        <div style={{ marginTop: 16, display: "flex", gap: 16, flexWrap: "wrap", alignItems: "center" }}>
          <input type="hidden" name="intent" value="apply" />
          <input type="hidden" name="token" value={state.token} />
          <button type="submit" className="button" disabled={pending}>この内容で下書きに保存する</button>
          <span className="hint">やめる場合は、ファイルを直して下のフォームからもう一度アップロードしてください。</span>
        </div>
      </form>
      {state.notImported.length > 0 && <NotImportedTable rows={state.notImported} />}
    </section>
  );
}

function NotImportedTable({ rows }: { rows: NotImported[] }) {
  return (
    <section aria-labelledby="not-imported-heading" style={{ marginTop: 24 }}>
      <h3 id="not-imported-heading">取り込まれない変更（{rows.length}件）</h3>
      <p className="hint">
        ファイルのこれらのセルは現在の内容と違いますが、取り込みません（取り込むのは受付中の評価年度の実績値と記述だけです）。ほかの年度の値や目標値・指標名などを変える場合は、企画担当に依頼してください。
      </p>
      <div className="table-scroll">
        <table className="data-table" style={{ minWidth: 640 }}>
          <caption className="visually-hidden">取り込まれない変更</caption>
          <thead>
            <tr>
              <th scope="col">シート</th>
              <th scope="col">セル</th>
              <th scope="col">No</th>
              <th scope="col">指標名</th>
              <th scope="col">列</th>
              <th scope="col">ファイルの内容</th>
              <th scope="col">現在の内容</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={`${n.sheet}-${n.cell}`}>
                <td>{n.sheet}</td>
                <td>{n.cell}</td>
                <td>{n.number}</td>
                <th scope="row">{n.measureName}</th>
                <td>{n.column}</td>
                <td style={{ whiteSpace: "pre-wrap" }}>{show(n.file)}</td>
                <td style={{ whiteSpace: "pre-wrap" }}>{show(n.current)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
