import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getAdminOverview, getAuditLog } from "@/lib/admin/queries";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { ActionForm } from "@/components/forms/action-form";
import { ScrollRegion } from "@/components/scroll-region";
import { saveEvaluationYear } from "./actions";
import { getReviewProgress } from "@/lib/review/queries";

export const metadata: Metadata = { title: "管理" };

export default async function AdminPage() {
  const user = await requireUser("/admin");
  const orgs = await getAdminOverview(user);
  if (orgs.length === 0) return <p className="form-error" role="alert">管理者の権限がありません。</p>;
  const audit = await getAuditLog(user, 30);
  // review progress of each plan's current round: the open evaluation year, else the latest one
  const rounds = orgs.flatMap((o) => o.plans.flatMap((p) => {
    const y = p.evaluationYears.find((e) => e.status === "open") ?? p.evaluationYears[0];
    return y ? [{ org: o.name, plan: p, year: y.fiscalYear }] : [];
  }));
  const progress = await Promise.all(rounds.map(async (r) => ({ ...r, data: await getReviewProgress(user, r.plan.id, r.year) })));
  return (
    <>
      <h1>管理</h1>
      <p><a href="/work">各部局のシートの状況</a>・<a href="/admin/users">利用者の管理</a></p>
      {orgs.map((o) => (
        <section key={o.id} aria-labelledby={`org-${o.code}`}>
          <h2 id={`org-${o.code}`}>{o.name}：評価年度の受付</h2>
          {o.plans.map((p) => {
            const years: number[] = [];
            for (let y = p.startYear; y <= p.endYear; y++) years.push(y);
            return (
              <div key={p.id}>
                <h3>{p.name}</h3>
                <ul>
                  {p.evaluationYears.length === 0 && <li>評価年度はまだ設定されていません。</li>}
                  {p.evaluationYears.map((y) => (
                    <li key={y.id}>
                      {fiscalYearWithWestern(y.fiscalYear)}：<strong>{y.status === "open" ? "受付中" : "終了"}</strong>
                      {y.deadline && `（締切 ${y.deadline.toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo" })}）`}
                    </li>
                  ))}
                </ul>
                <ActionForm action={saveEvaluationYear} label={`${p.name}の評価年度を設定`} className="filters">
                  <input type="hidden" name="planId" value={p.id} />
                  <div className="field">
                    <label htmlFor={`fy-${p.id}`}>評価年度</label>
                    <select id={`fy-${p.id}`} name="fiscalYear" defaultValue={String(p.evaluationYears[0]?.fiscalYear ?? p.endYear)}>
                      {years.map((y) => <option key={y} value={y}>{fiscalYearWithWestern(y)}</option>)}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`st-${p.id}`}>受付</label>
                    <select id={`st-${p.id}`} name="status" defaultValue="open">
                      <option value="open">開始する</option>
                      <option value="closed">終了する</option>
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`dl-${p.id}`}>締切日</label>
                    <input id={`dl-${p.id}`} type="date" name="deadline" />
                  </div>
                  <button className="button" type="submit">保存</button>
                </ActionForm>
              </div>
            );
          })}
        </section>
      ))}
      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">評価委員の確認状況</h2>
        {progress.length === 0 && <p>評価年度が設定された計画はありません。</p>}
        {progress.map((r) => r.data && (
          <ScrollRegion key={r.plan.id} label={`${r.plan.name}の確認状況`}>
            <table className="data-table">
              <caption>{r.org}　{r.plan.name}　{fiscalYearWithWestern(r.year)}評価（指標 {r.data.total}件）</caption>
              <thead><tr><th scope="col">評価委員</th><th scope="col" className="num">確認済み</th><th scope="col" className="num">コメント</th></tr></thead>
              <tbody>
                {r.data.members.length === 0 && <tr><td colSpan={3}>評価委員が登録されていません。</td></tr>}
                {r.data.members.map((m) => (
                  <tr key={m.id}><th scope="row">{m.name}</th><td className="num">{m.reviewed}／{r.data!.total}</td><td className="num">{m.comments}</td></tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ))}
      </section>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">最近の変更（監査ログ）</h2>
        <ScrollRegion label="監査ログ">
          <table className="data-table">
            <caption className="visually-hidden">最近の変更</caption>
            <thead><tr><th scope="col">日時</th><th scope="col">利用者</th><th scope="col">操作</th><th scope="col">対象</th></tr></thead>
            <tbody>
              {audit.map((a) => (
                <tr key={a.id}>
                  <td>{a.createdAt.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" })}</td>
                  <td>{a.user?.name ?? "（システム）"}</td>
                  <td>{a.action}</td>
                  <td>{a.entityType} {a.entityId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </>
  );
}
