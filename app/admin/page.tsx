import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getAdminOverview } from "@/lib/admin/queries";
import { getRecentAudit } from "@/lib/audit/audit-log";
import { AuditTable } from "@/components/admin/audit-table";
import { planPath } from "@/lib/paths";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { ScrollRegion } from "@/components/scroll-region";
import { getEvaluationAdmin } from "@/lib/evaluation/admin-queries";
import { EvaluationYears } from "@/components/admin/evaluation-years";
import { extendDeadlineAction, removeExtensionAction, saveEvaluationYearAction } from "./evaluation-actions";
import { getReviewProgress } from "@/lib/review/queries";

export const metadata: Metadata = { title: "管理" };

export default async function AdminPage() {
  const user = await requireUser("/admin");
  const orgs = await getAdminOverview(user);
  if (orgs.length === 0) return <p className="form-error" role="alert">管理者の権限がありません。</p>;
  const [audit, evaluation] = await Promise.all([getRecentAudit(user, 30), getEvaluationAdmin(user)]);
  // review progress of each plan's current round: the open evaluation year, else the latest one
  const rounds = orgs.flatMap((o) => o.plans.flatMap((p) => {
    const y = p.evaluationYears.find((e) => e.status === "open") ?? p.evaluationYears[0];
    return y ? [{ org: o.name, plan: p, year: y.fiscalYear }] : [];
  }));
  const progress = await Promise.all(rounds.map(async (r) => ({ ...r, data: await getReviewProgress(user, r.plan.id, r.year) })));
  return (
    <>
      <h1>管理</h1>
      <p><a href="/work">各部局のシートの状況</a>・<a href="/admin/users">利用者の管理</a>・<a href="/admin/audit">監査ログ</a>・<a href="/admin/mail">メールの送信状況</a></p>
      {/* the planning division's queue of each plan that has an evaluation year: submitted sheets first */}
      <ul aria-label="承認キュー">
        {orgs.flatMap((o) => o.plans.filter((p) => p.evaluationYears.length > 0).map((p) => (
          <li key={p.id}><a href={`${planPath(o.code, p.slug)}/queue`}>承認キュー：{p.name}</a></li>
        )))}
      </ul>
      {orgs.map((o) => (
        <section key={o.id} aria-labelledby={`org-${o.code}`}>
          <h2 id={`org-${o.code}`}>{o.name}：評価年度の受付</h2>
          {evaluation.find((e) => e.id === o.id) && <EvaluationYears org={evaluation.find((e) => e.id === o.id)!} actions={{ save: saveEvaluationYearAction, extend: extendDeadlineAction, remove: removeExtensionAction }} />}
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
        <AuditTable rows={audit} caption="最近の変更" captionHidden />
        <p><a href="/admin/audit">監査ログをすべて見る（絞り込み・ページ送り）</a></p>
      </section>
    </>
  );
}
