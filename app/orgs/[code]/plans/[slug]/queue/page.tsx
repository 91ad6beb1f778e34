import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getApprovalQueue } from "@/lib/sheets/queue";
import { readQueueFilters } from "@/lib/sheets/queue-filters";
import { STATE_LABELS } from "@/lib/sheets/state-labels";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { measurePath, planPath } from "@/lib/paths";
import { ScrollRegion } from "@/components/scroll-region";
import { DeadlineMark } from "@/components/sheets/deadline-mark";

export const metadata: Metadata = { title: "承認キュー" };
type Props = { params: Promise<{ code: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const at = (d: Date | null) => (d ? d.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "short", timeStyle: "short" }) : "－");

/** The planning division's queue: what waits for approval first, counts by state and department, filters. */
export default async function ApprovalQueuePage({ params, searchParams }: Props) {
  const { code, slug } = await params;
  const base = `${planPath(code, slug)}/queue`;
  const user = await requireUser(base);
  const sp = await searchParams;
  const filters = readQueueFilters(sp);
  // after a decision on the review screen (actions.ts redirects here): say what was done to which sheet
  const done = sp.done === "approved" ? "を承認し、公開しました。" : sp.done === "returned" ? "を差し戻しました。" : null;
  const doneNo = typeof sp.no === "string" ? sp.no.slice(0, 20) : "";
  const data = await getApprovalQueue(user, code, slug, filters);
  if (data.forbidden) {
    return (
      <>
        <h1>承認キュー</h1>
        <p className="form-error" role="alert">この計画の承認キューは、その団体の企画担当（管理者）だけが見られます。</p>
      </>
    );
  }
  const { plan, year, rows, counts, departments } = data;
  const submitted = counts.find((c) => c.state === "submitted")?.count ?? 0;
  const filtered = Boolean(filters.state || filters.department || filters.overdue);
  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href="/admin">管理</a></li>
          <li><a href={planPath(code, slug)}>{plan.name}</a></li>
          <li aria-current="page">承認キュー</li>
        </ol>
      </nav>
      <h1>承認キュー：{plan.name}{year !== null && `（${fiscalYearWithWestern(year)}評価）`}</h1>
      {done && doneNo && <p className="form-notice" role="status">No {doneNo} のシート{done}</p>}
      {year === null ? (
        <p>この計画には評価年度がまだ設定されていません。<a href="/admin">管理</a>で評価年度の受付を開始してください。</p>
      ) : (
        <>
          <p>
            承認待ち <strong>{submitted}</strong>件／全{data.total}シート
            {data.overdue > 0 && <>・<strong>期限超過 {data.overdue}件</strong></>}
          </p>
          <ul className="status-counts" aria-label="状態ごとのシート数">
            {counts.map((c) => (
              <li key={c.state}>
                <a href={`${base}?year=${year}&state=${c.state}`}>{c.label}</a> <strong>{c.count}</strong>件
              </li>
            ))}
          </ul>
          <form method="get" action={base} className="filters" role="search" aria-label="シートの絞り込み">
            {data.years.length <= 1 && <input type="hidden" name="year" value={year} />}
            {data.years.length > 1 && (
              <div className="field">
                <label htmlFor="queue-year">評価年度</label>
                <select id="queue-year" name="year" defaultValue={String(year)}>
                  {data.years.map((y) => <option key={y.fiscalYear} value={y.fiscalYear}>{fiscalYearWithWestern(y.fiscalYear)}{y.status === "open" ? "（受付中）" : ""}</option>)}
                </select>
              </div>
            )}
            <div className="field">
              <label htmlFor="queue-state">状態</label>
              <select id="queue-state" name="state" defaultValue={filters.state ?? ""}>
                <option value="">すべて</option>
                {counts.map((c) => <option key={c.state} value={c.state}>{STATE_LABELS[c.state]}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="queue-department">担当部局</label>
              <select id="queue-department" name="department" defaultValue={filters.department ?? ""}>
                <option value="">すべて</option>
                {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="queue-overdue">期限</label>
              <select id="queue-overdue" name="overdue" defaultValue={filters.overdue ?? ""}>
                <option value="">すべて</option>
                <option value="1">期限超過のみ</option>
              </select>
            </div>
            <button type="submit" className="button">絞り込む</button>
            {filtered && <a href={`${base}?year=${year}`}>条件を解除</a>}
          </form>
          <ScrollRegion label="シートの一覧">
            <table className="data-table" style={{ minWidth: 720 }}>
              <caption>
                シートの一覧{filtered ? "（条件に合うもの）" : "（承認待ちが先頭）"}（{rows.length}件）
              </caption>
              <thead>
                <tr>
                  <th scope="col">状態</th>
                  <th scope="col" className="num">No</th>
                  <th scope="col">指標名</th>
                  <th scope="col">担当</th>
                  <th scope="col">期限</th>
                  <th scope="col">提出・更新</th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && <tr><td colSpan={6}>該当するシートはありません。</td></tr>}
                {rows.map((r) => (
                  <tr key={r.measureId}>
                    <td>
                      <strong style={{ whiteSpace: "nowrap" }}>{STATE_LABELS[r.state]}</strong>
                      {r.returnReason && <div className="muted">理由：{r.returnReason}</div>}
                    </td>
                    <td className="num">{r.number}</td>
                    <th scope="row">
                      <a href={`${measurePath(code, slug, r.number)}/approval?year=${year}`}>
                        {r.state === "submitted" ? "確認する：" : ""}
                        {r.name}
                      </a>
                    </th>
                    <td>{r.department}{r.division && <div className="muted">{r.division}</div>}</td>
                    <td><DeadlineMark state={r.deadlineState} deadline={r.deadline} />{r.deadlineState !== "overdue" && r.deadlineState !== "due_soon" && (r.deadline ? r.deadline.toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo" }) : "－")}</td>
                    <td>
                      {r.state === "submitted" ? <>提出 {at(r.submittedAt)}</> : at(r.updatedAt)}
                      {r.updatedBy && <div className="muted">{r.updatedBy}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <h2>部局ごとの状況</h2>
          <ScrollRegion label="部局ごとの状況">
            <table className="data-table">
              <caption className="visually-hidden">部局ごとのシート数</caption>
              <thead>
                <tr>
                  <th scope="col">部局</th>
                  {counts.map((c) => <th key={c.state} scope="col" className="num">{c.label}</th>)}
                  <th scope="col" className="num">期限超過</th>
                  <th scope="col" className="num">計</th>
                </tr>
              </thead>
              <tbody>
                {departments.map((d) => (
                  <tr key={d.id}>
                    <th scope="row"><a href={`${base}?year=${year}&department=${d.id}`}>{d.name}</a></th>
                    {d.counts.map((c) => <td key={c.state} className="num">{c.count}</td>)}
                    <td className="num">{d.overdue}</td>
                    <td className="num">{d.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </>
  );
}
