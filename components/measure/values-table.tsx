import { ScrollRegion } from "@/components/scroll-region";
import type { Trend } from "@/lib/measures/trend";
import { fiscalYearLabel } from "@/lib/fiscal-year";

/** The chart's data as a table: one row per value series, baseline, each year, target. */
export function ValuesTable({ trend, caption }: { trend: Trend; caption: string }) {
  const years = trend.years;
  const fmt = (v: number | null, text: string | null) => text ?? (v === null ? "" : v.toLocaleString("ja-JP", { maximumFractionDigits: 6 }));
  return (
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
            <th scope="col" className="num">目標値</th>
          </tr>
        </thead>
        <tbody>
          {trend.series.flatMap((s) => [
            <tr key={s.key}>
              <th scope="row">
                {s.label}
                {s.unit && <span className="muted">（{s.unit}）</span>}
              </th>
              {years.map((y) => {
                const p = s.points.find((p) => p.year === y);
                return (
                  <td key={y} className="num">
                    {p ? fmt(p.value, p.text) : ""}
                    {p?.isBaseline && <div className="muted">策定時</div>}
                  </td>
                );
              })}
              <td className="num">
                {s.target ? fmt(s.target.value, s.target.text) : "－"}
                {s.target?.year && <div className="muted">{fiscalYearLabel(s.target.year)}</div>}
              </td>
            </tr>,
            ...([["目標値", s.targetPath], ["推計値", s.estimates]] as const)
              .filter(([, cells]) => cells.length > 0)
              .map(([label, cells]) => (
                <tr key={`${s.key}-${label}`}>
                  <th scope="row">{s.label} {label}</th>
                  {years.map((y) => {
                    const c = cells.find((c) => c.year === y);
                    return <td key={y} className="num">{c ? fmt(c.value, c.text) : ""}</td>;
                  })}
                  <td className="num"></td>
                </tr>
              )),
          ])}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
