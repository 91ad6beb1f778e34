import { ScrollRegion } from "@/components/scroll-region";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getUnitPage } from "@/lib/units/queries";
import { fiscalYearLabel, fiscalYearWithWestern } from "@/lib/fiscal-year";
import { cellText } from "@/lib/format";
import { measurePath, planPath, unitPath } from "@/lib/paths";
import { StatusBadge } from "@/components/status-badge";

type Props = { params: Promise<{ code: string; unitId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code, unitId } = await params;
  const data = await getUnitPage(code, unitId);
  return { title: data ? `${data.unit.name}の指標` : "部局が見つかりません" };
}

export default async function UnitPage({ params }: Props) {
  const { code, unitId } = await params;
  const data = await getUnitPage(code, unitId);
  if (!data) notFound();
  const { unit } = data;
  return (
    <>
      <nav className="breadcrumbs" aria-label="パンくずリスト">
        <ol>
          <li><a href="/orgs">団体一覧</a></li>
          <li>{unit.organization.name}</li>
          {unit.parent && <li><a href={unitPath(code, unit.parent.id)}>{unit.parent.name}</a></li>}
          <li aria-current="page">{unit.name}</li>
        </ol>
      </nav>
      <h1>{unit.name}の指標</h1>
      {unit.children.length > 0 && (
        <p>
          所属の課：
          {unit.children.map((c, i) => (
            <span key={c.id}>{i > 0 && "・"}<a href={unitPath(code, c.id)}>{c.name}</a></span>
          ))}
        </p>
      )}
      {data.plans.length === 0 && <p>担当する指標はありません。</p>}
      {data.plans.map((p) => (
        <section key={p.slug} aria-labelledby={`plan-${p.slug}`}>
          <h2 id={`plan-${p.slug}`}>
            <a href={`${planPath(code, p.slug)}?department=${unit.parent ? unit.parent.id : unit.id}`}>{p.name}</a>{" "}
            <span className="muted">（{p.startYear}〜{p.endYear}・{fiscalYearWithWestern(p.year)}評価）</span>
          </h2>
          <ScrollRegion label={`${p.name}の指標の表`}>
            <table className="data-table">
              <caption className="visually-hidden">{p.name}のうち{unit.name}が担当する指標</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">No</th>
                  <th scope="col">指標名</th>
                  <th scope="col">担当課</th>
                  <th scope="col" className="num">最新実績</th>
                  <th scope="col" className="num">目標値</th>
                  <th scope="col" className="num">進捗率</th>
                  <th scope="col">進捗状況</th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((r) => (
                  <tr key={r.id}>
                    <td className="num">{r.number}</td>
                    <th scope="row"><a href={measurePath(code, p.slug, r.number)}>{r.name}</a></th>
                    <td>{r.owners.map((o) => o.division ?? o.department).join("、")}</td>
                    <td className="num">
                      {r.latest ? <>{cellText(r.latest)}{r.unit && r.latest.value !== null && <span className="muted"> {r.unit}</span>}<br /><span className="muted">{fiscalYearLabel(r.latest.year)}</span></> : "－"}
                    </td>
                    <td className="num">{r.target?.text ?? "－"}</td>
                    <td className="num">{r.rate !== null ? `${r.rate}%` : "－"}</td>
                    <td><StatusBadge status={r.status} label={r.statusLabel} />{r.official && <div className="muted">公式評価 {r.official.rating}</div>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ))}
    </>
  );
}
