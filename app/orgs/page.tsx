import type { Metadata } from "next";
import { listOrganizations } from "@/lib/plans/queries";
import { planPath } from "@/lib/paths";
import { parseOrganizationSearch } from "@/lib/organizations/search";
import { OrganizationSearchForm } from "@/components/organization-search-form";

export const metadata: Metadata = { title: "団体一覧" };
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganizationsPage({ searchParams }: Props) {
  const params = await searchParams;
  const { q, page } = parseOrganizationSearch(params);
  const { total, organizations, pages } = await listOrganizations(q || undefined, page);
  const href = (p: number) => `/orgs?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <h1>団体一覧</h1>
      <OrganizationSearchForm action="/orgs" q={q} />
      <p>{total.toLocaleString("ja-JP")}団体{pages > 1 && `（${page}／${pages}ページ）`}</p>
      <table className="data-table">
        <caption className="visually-hidden">団体と計画</caption>
        <thead>
          <tr>
            <th scope="col">団体コード</th>
            <th scope="col">団体名</th>
            <th scope="col">計画（総合戦略）</th>
          </tr>
        </thead>
        <tbody>
          {organizations.map((o) => (
            <tr key={o.code}>
              <td className="num">{o.code}</td>
              <th scope="row">{o.name}</th>
              <td>
                {o.plans.length === 0
                  ? "－"
                  : o.plans.map((p, i) => (
                      <span key={p.slug}>
                        {i > 0 && <br />}
                        <a href={planPath(o.code, p.slug)}>{p.name}</a>（{p.startYear}〜{p.endYear}）
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav aria-label="ページ送り">
          <p>
            {page > 1 && <a href={href(page - 1)}>前のページ</a>} {page < pages && <a href={href(page + 1)}>次のページ</a>}
          </p>
        </nav>
      )}
    </>
  );
}
