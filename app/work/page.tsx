import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { organizationsWithGrant } from "@/lib/authz/permissions";
import { getWorkList } from "@/lib/sheets/queries";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { measurePath, planPath } from "@/lib/paths";
import { ScrollRegion } from "@/components/scroll-region";
import { DeadlineMark } from "@/components/sheets/deadline-mark";

export const metadata: Metadata = { title: "担当シート" };

export default async function WorkPage() {
  const user = await requireUser("/work");
  // sign-in lands here: an operator who belongs to no organisation has nothing to update, only /system
  if (user.isOperator && user.memberships.length === 0) redirect("/system");
  const rounds = await getWorkList(user);
  // the planning division sees every department's drafts: its list is an overview, not a to-do list
  const isAdmin = organizationsWithGrant(user, "sheet.viewDraft").length > 0;
  return (
    <>
      <h1>{isAdmin ? "各部局のシートの状況" : "更新するシート"}</h1>
      <p>
        {user.name}さん（
        {user.memberships.map((m) => `${m.organizationName}・${{ viewer: "閲覧", officer: "担当", committee: "評価委員", admin: "管理者" }[m.role] ?? m.role}${m.unitNames.length ? `：${m.unitNames.join("、")}` : ""}`).join("／")}）
      </p>
      {rounds.length === 0 && <p>受付中の評価年度はありません。</p>}
      {rounds.map((r) => {
        const byDepartment = new Map<string, typeof r.sheets>();
        const submitted = r.sheets.filter((s) => s.state === "submitted").length;
        const overdue = r.sheets.filter((s) => s.deadlineState === "overdue").length;
        const approver = r.sheets.some((s) => s.canApprove);
        for (const s of r.sheets) byDepartment.set(s.department, [...(byDepartment.get(s.department) ?? []), s]);
        return (
          <section key={`${r.plan.id}-${r.fiscalYear}`} aria-labelledby={`round-${r.plan.id}`}>
            <h2 id={`round-${r.plan.id}`}>
              {r.plan.organization.name}　{r.plan.name}　{fiscalYearWithWestern(r.fiscalYear)}評価
            </h2>
            <p>
              締切：<strong>{r.deadline ? r.deadline.toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo" }) : "未設定"}</strong>
              ／ {r.sheets.length}シートのうち 公開 {r.sheets.filter((s) => s.state === "published").length}・提出済 {r.sheets.filter((s) => s.state === "submitted").length}・差戻し {r.sheets.filter((s) => s.state === "returned").length}・下書き {r.sheets.filter((s) => s.state === "draft").length}・未着手 {r.sheets.filter((s) => s.state === "none").length}
            </p>
            {approver && (
              <p className="form-notice">
                承認待ち <strong>{submitted}件</strong>{overdue > 0 && <>・期限超過 <strong>{overdue}件</strong></>}：
                <a href={`${planPath(r.plan.organization.code, r.plan.slug)}/queue?year=${r.fiscalYear}`}>承認キューを開く（提出されたシートが先頭）</a>
              </p>
            )}
            {!approver && overdue > 0 && <p className="form-error">⚠ 締切を過ぎたシートが {overdue}件あります。企画担当に相談してください。</p>}
            {[...byDepartment.entries()].map(([department, sheets]) => (
              <ScrollRegion key={department} label={`${department}のシート`}>
                <table className="data-table">
                  <caption>{department}（{sheets.length}シート）</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">No</th>
                      <th scope="col">指標名</th>
                      <th scope="col">担当課</th>
                      <th scope="col">状態</th>
                      <th scope="col">未記入</th>
                      <th scope="col">操作</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sheets.map((s) => (
                      <tr key={s.measureId}>
                        <td className="num">{s.number}</td>
                        <th scope="row">{s.name}</th>
                        <td>{s.division || "－"}</td>
                        <td>
                          <strong>{s.stateLabel}</strong> <DeadlineMark state={s.deadlineState} deadline={s.deadline} />
                          {s.returnReason && <div className="muted">理由：{s.returnReason}</div>}
                        </td>
                        <td>{s.missing.length ? s.missing.join("・") : "なし"}</td>
                        <td>
                          {s.canEdit && <a href={`${measurePath(r.plan.organization.code, r.plan.slug, s.number)}/edit`}>編集<span className="visually-hidden">（No {s.number}）</span></a>}
                          {s.canApprove && s.state === "submitted" && <a href={`${measurePath(r.plan.organization.code, r.plan.slug, s.number)}/approval?year=${r.fiscalYear}`}>確認・承認<span className="visually-hidden">（No {s.number}）</span></a>}
                          {!s.canEdit && !(s.canApprove && s.state === "submitted") && <a href={measurePath(r.plan.organization.code, r.plan.slug, s.number)}>表示<span className="visually-hidden">（No {s.number}）</span></a>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            ))}
          </section>
        );
      })}
    </>
  );
}
