import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getMeasureSetupList, PLAN_STATUS_LABELS } from "@/lib/setup/measure-pages";
import { measuresSetupPath, measureSetupPath, newMeasureSetupPath } from "@/lib/setup/paths";
import { measurePath, planPath } from "@/lib/paths";
import { ScrollRegion } from "@/components/scroll-region";
import { SetupActionForm } from "@/components/setup/setup-action-form";
import { SetupRefused } from "@/components/setup/setup-refused";
import styles from "@/components/setup/setup.module.css";
import { moveMeasure, retireMeasure } from "./actions";

export const metadata: Metadata = { title: "指標の設定" };

type Props = { params: Promise<{ code: string; slug: string }> };

export default async function MeasuresSetupPage({ params }: Props) {
  const { code, slug } = await params;
  const user = await requireUser(measuresSetupPath(code, slug));
  const data = await getMeasureSetupList(user, code, slug);
  if (!data) notFound();
  if (data.forbidden) return <SetupRefused title="指標の設定" planName={data.plan.name} backHref={planPath(code, slug)} />;
  const { plan, rows } = data;
  const yesNo = (b: boolean) => (b ? "あり" : "なし");
  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href={planPath(code, slug)}>{plan.name}</a></li>
          <li aria-current="page">指標の設定</li>
        </ol>
      </nav>
      <h1>指標の設定</h1>
      <p>
        {plan.organization.name}　{plan.name}（{PLAN_STATUS_LABELS[plan.status]}）
      </p>
      {plan.status === "active" && <p className="hint">運用中の計画です。基準値・目標値の変更には理由が必要で、理由は指標のページの変更履歴に公開されます。</p>}
      <p><a className="button" href={newMeasureSetupPath(code, slug)}>指標を追加</a></p>
      {rows.length === 0 ? (
        <p>指標はまだありません。</p>
      ) : (
        <ScrollRegion label="指標の一覧">
          <table className="data-table" style={{ minWidth: 880 }}>
            <caption>{plan.name}の指標（{rows.filter((r) => !r.retired).length}件{rows.some((r) => r.retired) && `、廃止 ${rows.filter((r) => r.retired).length}件`}）</caption>
            <thead>
              <tr>
                <th scope="col">No</th>
                <th scope="col">指標名</th>
                <th scope="col">担当</th>
                <th scope="col" className="num">系列</th>
                <th scope="col" style={{ whiteSpace: "nowrap" }}>基準値</th>
                <th scope="col" style={{ whiteSpace: "nowrap" }}>目標値</th>
                <th scope="col">状態</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.number} className={r.retired ? styles.retired : undefined}>
                  <td style={{ whiteSpace: "nowrap" }}>{r.number}</td>
                  <th scope="row">
                    <a href={measureSetupPath(code, slug, r.number)} aria-label={`No ${r.number} ${r.name}を編集`}>{r.name}</a>
                    {r.kind === "goal" && <span className="tag">基本目標</span>}
                  </th>
                  <td>{r.owners.join("、") || "－"}</td>
                  <td className="num">{r.seriesCount}</td>
                  <td>{yesNo(r.hasBaseline)}</td>
                  <td>{yesNo(r.hasTarget)}</td>
                  <td style={{ whiteSpace: "nowrap" }}>{r.retired ? <strong>廃止</strong> : "使用中"}</td>
                  <td>
                    <div className={styles.actions}>
                      <SetupActionForm action={moveMeasure} label={`No ${r.number}を上へ`}>
                        <input type="hidden" name="planId" value={plan.id} />
                        <input type="hidden" name="number" value={r.number} />
                        <input type="hidden" name="direction" value="up" />
                        <button type="submit" className="button button--secondary" disabled={i === 0} aria-label={`No ${r.number}を上へ移動`}>↑</button>
                      </SetupActionForm>
                      <SetupActionForm action={moveMeasure} label={`No ${r.number}を下へ`}>
                        <input type="hidden" name="planId" value={plan.id} />
                        <input type="hidden" name="number" value={r.number} />
                        <input type="hidden" name="direction" value="down" />
                        <button type="submit" className="button button--secondary" disabled={i === rows.length - 1} aria-label={`No ${r.number}を下へ移動`}>↓</button>
                      </SetupActionForm>
                      <details>
                        <summary>{r.retired ? "復活" : "廃止"}</summary>
                        <SetupActionForm action={retireMeasure} label={`No ${r.number}を${r.retired ? "復活" : "廃止"}`}>
                          <input type="hidden" name="planId" value={plan.id} />
                          <input type="hidden" name="number" value={r.number} />
                          <input type="hidden" name="retired" value={r.retired ? "0" : "1"} />
                          <div className="form-field">
                            <label htmlFor={`reason-${i}`}>理由（任意）</label>
                            <input id={`reason-${i}`} name="reason" />
                          </div>
                          <button type="submit" className="button button--secondary">No {r.number}を{r.retired ? "復活する" : "廃止する"}</button>
                        </SetupActionForm>
                      </details>
                      <a href={measurePath(code, slug, r.number)} aria-label={`No ${r.number}の指標のページ`}>表示</a>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
