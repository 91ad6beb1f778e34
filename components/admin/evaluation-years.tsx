// The planning division's evaluation years of one organisation: each plan's years (受付中／終了, deadline,
// reminder days, extensions), the form to open or close a year, and the forms to extend the deadline for a
// department or one sheet. Server component; the forms are client leaves on the one action path.
import type { ActionResult, FormState } from "@/lib/actions/action";
import type { EvaluationAdminOrg } from "@/lib/evaluation/admin-queries";
import { deadlineDateLabel, eraDateLabel } from "@/lib/evaluation/deadline-label";
import { japaneseDate } from "@/lib/evaluation/deadlines";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { Field, SetupForm } from "@/components/setup/setup-form";
import { SetupActionForm } from "@/components/setup/setup-action-form";
import { ScrollRegion } from "@/components/scroll-region";
import { PastDeadlineConfirm } from "./past-deadline-confirm";
import styles from "./admin.module.css";

type Action = (prev: FormState, form: FormData) => Promise<ActionResult>;
export type EvaluationActions = { save: Action; extend: Action; remove: Action };

export function EvaluationYears({ org, actions }: { org: EvaluationAdminOrg; actions: EvaluationActions }) {
  return (
    <>
      {org.plans.map((p) => {
        const years: number[] = [];
        for (let y = p.startYear; y <= p.endYear; y++) years.push(y);
        const current = p.evaluationYears.find((y) => y.status === "open") ?? p.evaluationYears[0] ?? null;
        const withDeadline = p.evaluationYears.filter((y) => y.deadline);
        return (
          <div key={p.id}>
            <h3>{p.name}</h3>
            {p.evaluationYears.length === 0 ? (
              <p>評価年度はまだ設定されていません。</p>
            ) : (
              <ScrollRegion label={`${p.name}の評価年度`}>
                <table className={`data-table ${styles.years}`}>
                  <caption className="visually-hidden">{p.name}の評価年度</caption>
                  <thead>
                    <tr><th scope="col">評価年度</th><th scope="col">受付</th><th scope="col">締切</th><th scope="col">リマインド</th><th scope="col">期限の延長</th></tr>
                  </thead>
                  <tbody>
                    {p.evaluationYears.map((y) => (
                      <tr key={y.id}>
                        <th scope="row">{fiscalYearWithWestern(y.fiscalYear)}</th>
                        <td><strong>{y.status === "open" ? "受付中" : "終了"}</strong></td>
                        <td>{y.deadline ? deadlineDateLabel(y.deadline) : "未設定"}</td>
                        <td>{y.reminderDays.length ? `締切の${y.reminderDays.join("日前・")}日前` : "なし"}</td>
                        <td>
                          {y.extensions.length === 0 ? "なし" : (
                            <ul className={styles.extensions}>
                              {y.extensions.map((e) => {
                                const subject = e.unit ? e.unit.name : e.measure ? `No ${e.measure.number} ${e.measure.name}` : "";
                                return (
                                  <li key={e.id}>
                                    {subject}：{eraDateLabel(e.deadline)}まで
                                    {e.reason && <span className="muted">（理由：{e.reason}{e.createdBy && `、${e.createdBy.name}`}）</span>}{" "}
                                    <SetupActionForm action={actions.remove} label={`${subject}の延長を取り消す`}>
                                      <input type="hidden" name="extensionId" value={e.id} />
                                      <button type="submit" className="button button--secondary">取り消す<span className="visually-hidden">（{subject}の延長）</span></button>
                                    </SetupActionForm>
                                  </li>
                                );
                              })}
                            </ul>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
            <h4>受付の開始・終了と締切</h4>
            <SetupForm action={actions.save} id={`year-${p.id}`} label={`${p.name}の評価年度を設定`} submit="保存">
              <input type="hidden" name="planId" value={p.id} />
              <Field name="fiscalYear" label="評価年度" defaultValue={String(current?.fiscalYear ?? p.endYear)} options={years.map((y) => ({ value: String(y), label: fiscalYearWithWestern(y) }))} />
              <Field name="status" label="受付" defaultValue="open" options={[{ value: "open", label: "開始する（受付中）" }, { value: "closed", label: "終了する（シートを凍結）" }]} />
              <Field name="deadline" label="締切日" type="date" defaultValue={current?.deadline ? japaneseDate(current.deadline) : ""} hint="日本時間のその日の終わりまで提出できます。空欄は締切なし" />
              <Field name="reminderDays" label="リマインド（締切の何日前）" defaultValue={(current?.reminderDays ?? [7, 1]).join(",")} hint="例「7,1」。空欄はリマインドなし" inputMode="text" />
              <PastDeadlineConfirm />
            </SetupForm>
            {withDeadline.length > 0 && (
              <>
                <h4>提出期限の延長</h4>
                <p className="hint">延長は締切より後の日まで。部局への延長はその課すべてのシートに、シートへの延長はその指標だけに効きます。</p>
                <div className={styles.forms}>
                  <SetupForm action={actions.extend} id={`ext-unit-${p.id}`} label={`${p.name}：部局の提出期限を延長`} submit="部局の期限を延長" resetOnSuccess>
                    <input type="hidden" name="planId" value={p.id} />
                    <input type="hidden" name="target" value="unit" />
                    <Field name="fiscalYear" label="評価年度" defaultValue={String(withDeadline[0].fiscalYear)} options={withDeadline.map((y) => ({ value: String(y.fiscalYear), label: fiscalYearWithWestern(y.fiscalYear) }))} />
                    <Field name="unitId" label="部局" options={[{ value: "", label: "選んでください" }, ...org.units.map((u) => ({ value: u.id, label: u.name }))]} />
                    <Field name="deadline" label="延長後の期限" type="date" />
                    <Field name="reason" label="理由" hint="監査ログと一覧に残ります" />
                  </SetupForm>
                  <SetupForm action={actions.extend} id={`ext-measure-${p.id}`} label={`${p.name}：シートの提出期限を延長`} submit="シートの期限を延長" resetOnSuccess>
                    <input type="hidden" name="planId" value={p.id} />
                    <input type="hidden" name="target" value="measure" />
                    <Field name="fiscalYear" label="評価年度" defaultValue={String(withDeadline[0].fiscalYear)} options={withDeadline.map((y) => ({ value: String(y.fiscalYear), label: fiscalYearWithWestern(y.fiscalYear) }))} />
                    <Field name="measureNumber" label="指標の No" hint="例「15」「追加1」「1-1」" />
                    <Field name="deadline" label="延長後の期限" type="date" />
                    <Field name="reason" label="理由" hint="監査ログと一覧に残ります" />
                  </SetupForm>
                </div>
              </>
            )}
          </div>
        );
      })}
    </>
  );
}
