"use client";
// Upload a workbook → every problem listed beside the form, or the differences shown for confirmation →
// confirm → saved as drafts. The confirmation carries the checked changes in a signed hidden field.
import { useActionState } from "react";
import { cellText } from "@/lib/format";
import { measurePath } from "@/lib/paths";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { initialImportFormState, type ImportFormState } from "@/lib/excel/form-state";
import type { StoredCell } from "@/lib/excel/cells";

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
            <p style={{ marginTop: 0 }}>{state.message}</p>
            <ul>
              {state.sheets.map((s) => (
                <li key={s.number}>
                  <a href={`${measurePath(organizationCode, planSlug, s.number)}/edit`}>
                    No {s.number} {s.name}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>

      {state.status === "preview" && (
        <section aria-labelledby="preview-heading" className="status-panel">
          <h2 id="preview-heading" style={{ marginTop: 0 }}>取り込む内容の確認</h2>
          <p>
            次の{state.changes.length}件の値を、{fiscalYearWithWestern(state.evaluationYear)}の各シートの下書きとして保存します。まだ公開はされません（担当課が提出し、企画担当が承認すると公開されます）。
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <caption>変更される値</caption>
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
                {state.changes.map((c) => (
                  <tr key={`${c.number}-${c.seriesLabel}`}>
                    <td className="num">{c.row}</td>
                    <td>{c.number}</td>
                    <th scope="row">{c.measureName}</th>
                    <td>{c.seriesLabel}{c.unit && <span className="muted">（{c.unit}）</span>}</td>
                    <td>{fiscalYearWithWestern(state.evaluationYear)}</td>
                    <td className="num">{show(c.before)}</td>
                    <td className="num"><strong>{show(c.after)}</strong></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form action={formAction} aria-label="取り込みの確定" style={{ marginTop: 16, display: "flex", gap: 16, flexWrap: "wrap", alignItems: "center" }}>
            <input type="hidden" name="intent" value="apply" />
            <input type="hidden" name="token" value={state.token} />
            <button type="submit" className="button" disabled={pending}>この内容で下書きに保存する</button>
            <span className="hint">やめる場合は、ファイルを直して下のフォームからもう一度アップロードしてください。</span>
          </form>
        </section>
      )}

      <form action={formAction} className="form" aria-label="Excel ファイルのアップロード" aria-busy={pending} aria-describedby={state.status === "invalid" ? "import-errors" : undefined}>
        <input type="hidden" name="intent" value="preview" />
        <div className="form-field">
          <label htmlFor="import-file">Excel ファイル（.xlsx）</label>
          <input id="import-file" name="file" type="file" required accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="import-file-hint" />
          <p className="hint" id="import-file-hint">このサイトから書き出したファイルの「指標」シートを使います（900KB まで）。</p>
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
          <p className="hint" id="import-year-hint">この年度の実績値の列（例：R5実績値（2023））だけを読み取ります。</p>
        </div>
        <div>
          <button type="submit" className="button" disabled={pending}>{pending ? "確認しています…" : "内容を確認する"}</button>
        </div>
      </form>
    </>
  );
}
