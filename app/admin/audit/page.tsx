import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { AUDIT_PAGE_SIZE, getAuditLogPage, readAuditFilters, type AuditFilters } from "@/lib/audit/audit-log";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/labels";
import { AuditTable } from "@/components/admin/audit-table";

export const metadata: Metadata = { title: "監査ログ" };
// the filter bar styles its selects (app/globals.css .filters); the date inputs get the same look
const dateStyle = { font: "inherit", fontWeight: 400, padding: "6px 8px", border: "1px solid var(--color-neutral-solid-gray-600)", borderRadius: 8, minHeight: 40, background: "var(--surface)" } as const;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function pageHref(filters: AuditFilters, page: number): string {
  const q = new URLSearchParams();
  for (const k of ["action", "user", "from", "to"] as const) if (filters[k]) q.set(k, String(filters[k]));
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return `/admin/audit${s ? `?${s}` : ""}`;
}

/** Every change in the administrator's organisations, a page at a time, filtered by action, person and days. */
export default async function AuditLogPage({ searchParams }: Props) {
  const user = await requireUser("/admin/audit");
  const filters = readAuditFilters(await searchParams);
  const data = await getAuditLogPage(user, filters);
  if (data.forbidden) {
    return (
      <>
        <h1>監査ログ</h1>
        <p className="form-error" role="alert">監査ログは、団体の企画担当（管理者）だけが見られます。</p>
      </>
    );
  }
  const first = (data.page - 1) * AUDIT_PAGE_SIZE + 1;
  const last = Math.min(data.total, data.page * AUDIT_PAGE_SIZE);
  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href="/admin">管理</a></li>
          <li aria-current="page">監査ログ</li>
        </ol>
      </nav>
      <h1>監査ログ</h1>
      <p className="hint">値・記述・提出・承認・差し戻し・評価年度・指標の設定・利用者の管理など、すべての変更の記録です（新しい順）。</p>
      <form method="get" action="/admin/audit" className="filters" role="search" aria-label="監査ログの絞り込み">
        <div className="field">
          <label htmlFor="audit-action">操作</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">すべて</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => <option key={code} value={code}>{label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-user">利用者</label>
          <select id="audit-user" name="user" defaultValue={filters.user ?? ""}>
            <option value="">すべて</option>
            {data.people.map((p) => <option key={p.id} value={p.id}>{p.name}（{p.email}）</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">期間（から）</label>
          <input id="audit-from" type="date" name="from" defaultValue={filters.from ?? ""} style={dateStyle} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">期間（まで）</label>
          <input id="audit-to" type="date" name="to" defaultValue={filters.to ?? ""} style={dateStyle} />
        </div>
        <button type="submit" className="button">絞り込む</button>
      </form>
      <p>{data.total === 0 ? "該当する記録はありません。" : `${data.total.toLocaleString("ja-JP")}件中 ${first.toLocaleString("ja-JP")}〜${last.toLocaleString("ja-JP")}件目`}</p>
      <AuditTable rows={data.rows} caption={`監査ログ（${data.page}／${data.pages}ページ）`} />
      {data.pages > 1 && (
        <nav className="pager" aria-label="ページ送り">
          {data.page > 1 ? <a href={pageHref(filters, data.page - 1)} rel="prev">前の{AUDIT_PAGE_SIZE}件</a> : <span />}
          <span>{data.page}／{data.pages}ページ</span>
          {data.page < data.pages ? <a href={pageHref(filters, data.page + 1)} rel="next">次の{AUDIT_PAGE_SIZE}件</a> : <span />}
        </nav>
      )}
    </>
  );
}
