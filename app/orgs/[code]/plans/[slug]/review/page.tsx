import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getReviewList } from "@/lib/review/queries";
import { REASON_LABELS } from "@/lib/review/attention";
import { parseOverviewFilters } from "@/lib/plans/overview-filters";
import { STATUS_LABELS } from "@/lib/progress/evaluate";
import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { measurePath, planPath } from "@/lib/paths";
import { OverviewFiltersForm } from "@/components/overview/overview-filters-form";
import { StatusBadge } from "@/components/status-badge";
import { ScrollRegion } from "@/components/scroll-region";

export const metadata: Metadata = { title: "評価委員の確認リスト" };
type Props = { params: Promise<{ code: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewListPage({ params, searchParams }: Props) {
  const { code, slug } = await params;
  const base = `${planPath(code, slug)}/review`;
  const user = await requireUser(base);
  const filters = parseOverviewFilters(await searchParams);
  const data = await getReviewList(user, code, slug, filters);
  if (!data) notFound();
  if (data.forbidden) return <p className="form-error" role="alert">評価委員・企画担当だけが見られるページです。</p>;
  const { overview, items } = data;
  const years: number[] = [];
  for (let y = overview.plan.startYear; y <= overview.plan.endYear; y++) years.push(y);
  const attention = items.filter((i) => i.reasons.length > 0);
  const rest = items.filter((i) => i.reasons.length === 0);
  const table = (caption: string, list: typeof items) => (
    <ScrollRegion label={caption}>
      <table className="data-table">
        <caption>{caption}（{list.length}件）</caption>
        <thead>
          <tr>
            <th scope="col" className="num">No</th>
            <th scope="col">指標名</th>
            <th scope="col">担当</th>
            <th scope="col">進捗状況</th>
            <th scope="col">確認が必要な理由</th>
            <th scope="col">コメント</th>
            <th scope="col">自分の確認</th>
          </tr>
        </thead>
        <tbody>
          {list.map(({ row, reasons, reviewedAt, comments }) => (
            <tr key={row.id}>
              <td className="num">{row.number}</td>
              <th scope="row"><a href={measurePath(code, slug, row.number, overview.year)}>{row.name}</a></th>
              <td>{row.owners.map((o) => o.department).join("、")}</td>
              <td>
                <StatusBadge status={row.status} label={row.statusLabel} />
                {row.official && (
                  <div className="muted">
                    公式評価 {row.official.rating}
                    {row.official.agrees === false && `（算出「${row.statusLabel}」と相違${row.official.reason ? `。理由：${row.official.reason}` : ""}）`}
                  </div>
                )}
                {row.pending && <div className="muted">※{row.pending}</div>}
              </td>
              <td>{reasons.length ? reasons.map((r) => <span key={r} className="tag">{REASON_LABELS[r]}</span>) : "－"}</td>
              <td className="num">{comments}</td>
              <td>{reviewedAt ? "確認済み" : "未確認"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href="/review">評価委員の確認</a></li>
          <li><a href={planPath(code, slug)}>{overview.plan.name}</a></li>
          <li aria-current="page">確認リスト</li>
        </ol>
      </nav>
      <h1>確認リスト：{overview.plan.name}（{fiscalYearWithWestern(overview.year)}評価）</h1>
      <p>自分が確認済みにした指標：<strong>{data.reviewed}</strong>／{items.length}件</p>
      <OverviewFiltersForm action={base} filters={filters} options={overview.options} statusLabels={STATUS_LABELS} years={years} year={overview.year} />
      <h2>先に確認が必要な指標</h2>
      <p className="hint">悪化・遅れ・判定不能、公式評価と算出した判定の相違、今回の評価で値や記述が更新された指標です。</p>
      {attention.length ? table("先に確認が必要な指標", attention) : <p>該当する指標はありません。</p>}
      <h2>その他の指標</h2>
      {rest.length ? table("その他の指標", rest) : <p>該当する指標はありません。</p>}
    </>
  );
}
