import { ScrollRegion } from "@/components/scroll-region";
import type { OverviewSummary } from "@/lib/plans/overview";
import { StatusBadge } from "@/components/status-badge";
import { LazyStatusSummaryChart } from "./lazy-status-summary-chart";
import { StatusSummarySvg } from "./status-summary-svg";

function GroupTable({ caption, groups, statuses, labels }: { caption: string; groups: OverviewSummary["bySection"]; statuses: OverviewSummary["statuses"]; labels: Map<string, string> }) {
  return (
    <ScrollRegion label={caption}>
      <table className="data-table summary-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">区分</th>
            <th scope="col" className="num">指標数</th>
            {statuses.map((s) => (
              <th key={s} scope="col" className="num">{labels.get(s)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{g.title}</th>
              <td className="num">{g.total}</td>
              {g.counts.map((c) => (
                <td key={c.status} className="num">{c.count}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function StatusSummary({ summary, yearLabel }: { summary: OverviewSummary; yearLabel: string }) {
  const labels = new Map(summary.overall.map((c) => [c.status, c.label]));
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">進捗状況の集計（{yearLabel}）</h2>
      <ul className="status-counts" aria-label={`全${summary.total}指標の進捗状況`}>
        {summary.overall.map((c) => (
          <li key={c.status}>
            <StatusBadge status={c.status} label={c.label} /> <strong>{c.count}</strong>件
          </li>
        ))}
        <li>計 <strong>{summary.total}</strong>件</li>
      </ul>
      {summary.total === 0 ? (
        // no chart of empty axes: the filters left nothing to count
        <p className="empty-result">条件に合う指標がないため、集計するものはありません。</p>
      ) : (
        <>
          <figure className="chart-figure summary-chart">
            <figcaption>進捗状況別の指標数（数値は上の一覧と下の表のとおり）</figcaption>
            <div aria-hidden="true">
              <LazyStatusSummaryChart data={summary.overall} title="進捗状況別の指標数" drawn={<StatusSummarySvg data={summary.overall} title="進捗状況別の指標数" />} />
            </div>
          </figure>
          {/* each table takes the full width: beside the chart, the 区分 column was squeezed to a character a line */}
          <GroupTable caption="施策区分別" groups={summary.bySection} statuses={summary.statuses} labels={labels} />
          <GroupTable caption="担当部局別" groups={summary.byDepartment} statuses={summary.statuses} labels={labels} />
        </>
      )}
    </section>
  );
}
