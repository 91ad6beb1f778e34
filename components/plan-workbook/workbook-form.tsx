"use client";
// Upload the plan workbook → every problem listed beside the form (sheet, row, column), or the KPIs to create,
// change (old → new) and retire shown for confirmation → 「この内容で反映する」 applies them in one go.
// The form is submitted by hand so it is not reset on a refusal (the chosen file stays chosen).
import { startTransition, useActionState, useState, type FormEvent } from "react";
// types only: lib/actions/action.ts imports server modules (next/cache), so its IDLE value is not imported here
import type { ActionResult, FormState } from "@/lib/actions/action";
import type { WorkbookResult } from "@/lib/plan-workbook/form-state";
import type { PreviewChange } from "@/lib/plan-workbook/service";

type Props = {
  action: (prev: FormState<WorkbookResult>, form: FormData) => Promise<ActionResult<WorkbookResult>>;
  maxBytes: number;
  maxLabel: string;
};

const IDLE: FormState<WorkbookResult> = { status: "idle" };

function what(c: PreviewChange): string {
  const parts = [c.created ? "新規作成" : c.definitionChanged ? "変更" : null, c.retire === "retire" ? "廃止" : c.retire === "restore" ? "再開" : null].filter(Boolean);
  return parts.join("・");
}

export function PlanWorkbookForm({ action, maxBytes, maxLabel }: Props) {
  const [state, dispatch, pending] = useActionState<FormState<WorkbookResult>, FormData>(action, IDLE);
  const [local, setLocal] = useState<string | null>(null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    if (data.get("intent") === "preview") {
      const file = data.get("file");
      if (!(file instanceof File) || file.size === 0) return setLocal("Excel ファイル（.xlsx）を選んでください");
      if (file.size > maxBytes) return setLocal(`ファイルが大きすぎます（${maxLabel}まで）。指標の行を分けてアップロードしてください`);
    }
    setLocal(null);
    startTransition(() => dispatch(data));
  }

  const error = state.status === "error" ? state : null;
  const errors = ((error?.detail as { errors?: string[] } | undefined)?.errors ?? []) as string[];
  const fileError = local ?? error?.fieldErrors?.file ?? null;
  const result = state.status === "ok" ? state.data : undefined;
  const preview = result?.kind === "preview" ? result.preview : null;
  const applied = result?.kind === "applied" ? result.result : null;

  return (
    <>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 340px), 1fr))", gap: 24, alignItems: "start" }}>
        <form onSubmit={submit} className="form" aria-label="計画の設定用 Excel のアップロード" aria-busy={pending} aria-describedby={errors.length || error ? "workbook-errors" : undefined}>
          <input type="hidden" name="intent" value="preview" />
          <div className="form-field">
            <label htmlFor="workbook-file">計画の設定用 Excel ファイル（.xlsx）</label>
            <input
              id="workbook-file"
              name="file"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`workbook-file-hint${fileError ? " workbook-file-error" : ""}`}
              aria-invalid={fileError ? true : undefined}
            />
            <p className="hint" id="workbook-file-hint">この計画の設定ページからダウンロードしたファイル（{maxLabel}まで）。</p>
            {fileError && <p className="field-error" id="workbook-file-error">{fileError}</p>}
          </div>
          <div>
            <button type="submit" className="button" disabled={pending}>{pending ? "確認しています…" : "内容を確認する"}</button>
          </div>
        </form>
        <div aria-live="polite">
          {error && (
            <div className="form-error" role="alert" id="workbook-errors">
              <p style={{ marginTop: 0 }}>{error.message}</p>
              {errors.length > 0 && (
                <ul>
                  {errors.map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {state.status === "ok" && (!preview || !preview.token) && (
            <div className="form-notice" role="status">
              <p style={{ margin: 0 }}>{state.message}</p>
              {applied && (
                <ul>
                  {applied.created.length > 0 && <li>新規作成：No {applied.created.join("、")}</li>}
                  {applied.updated.length > 0 && <li>変更：No {applied.updated.join("、")}</li>}
                  {applied.retired.length > 0 && <li>廃止：No {applied.retired.join("、")}</li>}
                  {applied.restored.length > 0 && <li>再開：No {applied.restored.join("、")}</li>}
                </ul>
              )}
            </div>
          )}
        </div>
      </div>

      {preview && preview.token && (
        <section aria-labelledby="workbook-preview-heading" className="status-panel" style={{ marginTop: 24 }}>
          <h2 id="workbook-preview-heading" style={{ marginTop: 0 }}>反映する内容の確認</h2>
          <p>
            {state.status === "ok" && state.message} 作成 {preview.changes.filter((c) => c.created).length}件・変更 {preview.changes.filter((c) => !c.created && c.definitionChanged).length}件・廃止／再開{" "}
            {preview.changes.filter((c) => c.retire).length}件、変更なし {preview.unchanged}件。
            {preview.notInFile.length > 0 && <> ファイルにない指標 {preview.notInFile.length}件（No {preview.notInFile.map((m) => m.number).join("、")}）は変更しません。</>}
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <caption>作成・変更・廃止される指標</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">行</th>
                  <th scope="col">No</th>
                  <th scope="col">指標名</th>
                  <th scope="col">内容</th>
                  <th scope="col">変更される項目（変更前 → 変更後）</th>
                  <th scope="col">変更理由</th>
                </tr>
              </thead>
              <tbody>
                {preview.changes.map((c) => (
                  <tr key={c.number}>
                    <td className="num">{c.row}</td>
                    <td style={{ whiteSpace: "nowrap" }}>{c.number}</td>
                    <th scope="row">{c.name}</th>
                    <td>{what(c)}</td>
                    <td>
                      {c.created ? (
                        "新しい指標"
                      ) : c.fields.length ? (
                        <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
                          {c.fields.map((f, i) => (
                            <li key={i}>
                              {f.field}：{f.before} → <strong>{f.after}</strong>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>{c.reason ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form onSubmit={submit} aria-label="反映の確定" style={{ marginTop: 16, display: "flex", gap: 16, flexWrap: "wrap", alignItems: "center" }}>
            <input type="hidden" name="intent" value="apply" />
            <input type="hidden" name="token" value={preview.token} />
            <button type="submit" className="button" disabled={pending}>{pending ? "反映しています…" : "この内容で反映する"}</button>
            <span className="hint">やめる場合は、ファイルを直してもう一度アップロードしてください。</span>
          </form>
        </section>
      )}
    </>
  );
}
