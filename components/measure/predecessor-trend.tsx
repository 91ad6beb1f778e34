import { ScrollRegion } from "@/components/scroll-region";
import { fiscalYearLabel, fiscalYearWithWestern } from "@/lib/fiscal-year";
import { measurePath, planPath } from "@/lib/paths";
import type { PredecessorTrend } from "@/lib/measures/periods";

const fmt = (value: string | null, text: string | null) => text ?? (value === null ? "" : Number(value).toLocaleString("ja-JP", { maximumFractionDigits: 6 }));

/** The previous period's actuals of the KPI this one continues: a link, and a table of the earlier years. */
export function PredecessorTrendSection({ trend }: { trend: PredecessorTrend }) {
  const years = [...new Set(trend.series.flatMap((s) => s.actuals.map((a) => a.year)))].sort((a, b) => a - b);
  const caption = `前期の計画での実績値（${trend.plan.name}、No ${trend.number}）`;
  return (
    <section aria-labelledby="predecessor-heading">
      <h2 id="predecessor-heading">前期の計画での推移</h2>
      <p>
        この指標は、前期の計画「<a href={planPath(trend.plan.organizationCode, trend.plan.slug)}>{trend.plan.name}</a>」（{fiscalYearWithWestern(trend.plan.startYear)}〜{fiscalYearWithWestern(trend.plan.endYear)}）の
        <a href={measurePath(trend.plan.organizationCode, trend.plan.slug, trend.number)}>No {trend.number}「{trend.name}」</a>を引き継いでいます。
        基準値と目標値は計画ごとに異なるため、前期の実績値はそのまま示します。
      </p>
      {years.length === 0 ? (
        <p>前期の実績値はありません。</p>
      ) : (
        <ScrollRegion label={caption}>
          <table className="data-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">区分（単位）</th>
                {years.map((y) => (
                  <th key={y} scope="col" className="num">
                    {fiscalYearLabel(y)}
                    <br />
                    <span className="muted">{y}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trend.series.map((s) => (
                <tr key={s.label}>
                  <th scope="row">
                    {s.label}
                    {s.unit && `（${s.unit}）`}
                  </th>
                  {years.map((y) => {
                    const a = s.actuals.find((x) => x.year === y);
                    return (
                      <td key={y} className="num">
                        {a ? fmt(a.value, a.text) : ""}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
