import { ScrollRegion } from "@/components/scroll-region";
import type { OverviewRow } from "@/lib/plans/overview";
import { overviewHref, type OverviewFilters, type SortKey } from "@/lib/plans/overview-filters";
import { cellText } from "@/lib/format";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import { StatusBadge } from "@/components/status-badge";
import type { SheetMarks } from "@/lib/sheets/staff-marks";
import { SheetMarkCell } from "./sheet-mark";

// a column without a key is not sortable
const COLUMNS: { key?: SortKey; label: string; numeric?: boolean }[] = [
  { key: "no", label: "No", numeric: true },
  { key: "name", label: "指標名" },
  { key: "owner", label: "担当部局・課" },
  { key: "latest", label: "最新実績", numeric: true },
  { label: "目標値", numeric: true },
  { key: "rate", label: "進捗率", numeric: true },
  { key: "status", label: "進捗状況" },
];

/** `sheetMarks`: staff only — each KPI's sheet state and deadline in the open evaluation year (an extra column). */
export function KpiTable({ rows, base, filters, measureHref, sheetMarks }: { rows: OverviewRow[]; base: string; filters: OverviewFilters; measureHref: (no: string) => string; sheetMarks?: SheetMarks | null }) {
  const sort = filters.sort ?? "no";
  const dir = filters.dir ?? "asc";
  return (
    <ScrollRegion label="指標一覧の表">
      <table className="data-table kpi-table">
        <caption>指標一覧（{rows.length.toLocaleString("ja-JP")}件）。列の見出しを選ぶと並べ替えます。</caption>
        <thead>
          <tr>
            {COLUMNS.map((c, i) => {
              const sortable = c.key !== undefined;
              const active = sortable && sort === c.key;
              const next = active && dir === "asc" ? "desc" : "asc";
              return (
                <th key={i} scope="col" className={c.numeric ? "num" : undefined} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                  {sortable ? (
                    <a className="sort-link" href={overviewHref(base, filters, { sort: c.key, dir: next })}>
                      {c.label}
                      <span aria-hidden="true">{active ? (dir === "asc" ? " ▲" : " ▼") : ""}</span>
                      <span className="visually-hidden">（{next === "asc" ? "昇順" : "降順"}に並べ替え）</span>
                    </a>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
            {sheetMarks && <th scope="col">シート（{fiscalYearLabel(sheetMarks.fiscalYear)}）</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="num">{r.number}</td>
              <th scope="row">
                <a href={measureHref(r.number)}>{r.name}</a>
              </th>
              <td className="kpi-table__owner">{r.owners.map((o) => [o.department, o.division].filter(Boolean).join(" ")).join("、") || "－"}</td>
              <td className="num">
                {r.latest ? (
                  <>
                    {cellText(r.latest)}
                    {r.unit && r.latest.value !== null ? <span className="muted"> {r.unit}</span> : null}
                    <br />
                    <span className="muted">{fiscalYearLabel(r.latest.year)}</span>
                  </>
                ) : (
                  "－"
                )}
              </td>
              <td className="num">{r.target?.text ?? "－"}</td>
              <td className="num">{r.rate !== null ? `${r.rate}%` : "－"}</td>
              <td>
                <StatusBadge status={r.status} label={r.statusLabel} />
                {r.official && (
                  <div className="muted">
                    公式評価 {r.official.rating}
                    {r.official.agrees === false && <strong>（算出と相違）</strong>}
                  </div>
                )}
              </td>
              {sheetMarks && <td><SheetMarkCell mark={sheetMarks.marks[r.id]} /></td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
