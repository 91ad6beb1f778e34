import { fiscalYearWithWestern } from "@/lib/fiscal-year";
import { cellText } from "@/lib/format";
import type { Cell, ValueChange } from "@/lib/sheets/sheet-changes";
import { ScrollRegion } from "@/components/scroll-region";

/** A cell as printed, with its unit after a number (a text cell such as 集計中 stays text, without a unit). */
export function cellWithUnit(cell: Cell | null, unit: string | null): string {
  if (!cell) return "（なし）";
  const text = cellText(cell);
  return cell.value !== null && unit ? `${text}${unit}` : text;
}

/** The values a change touches, old → new, per series and year: a table on review screens, a list in history. */
export function ValueChanges({ changes, caption, compact = false }: { changes: ValueChange[]; caption: string; compact?: boolean }) {
  if (compact) {
    return (
      <ul aria-label={caption}>
        {changes.map((c) => (
          <li key={`${c.seriesId}-${c.fiscalYear}`}>
            {c.label}・{fiscalYearWithWestern(c.fiscalYear)}：{cellWithUnit(c.before, c.unit)} → {cellWithUnit(c.after, c.unit)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ScrollRegion label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">区分（単位）・年度</th>
            <th scope="col" className="num">公開中の値</th>
            <th scope="col" className="num">提出された値</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={`${c.seriesId}-${c.fiscalYear}`}>
              <th scope="row">
                {c.label}
                {c.unit && <span className="muted">（{c.unit}）</span>}
                <div className="muted" style={{ fontWeight: 400 }}>{fiscalYearWithWestern(c.fiscalYear)}</div>
              </th>
              <td className="num">{cellWithUnit(c.before, c.unit)}</td>
              <td className="num"><strong>{cellWithUnit(c.after, c.unit)}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
