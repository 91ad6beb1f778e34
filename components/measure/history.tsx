import { fiscalYearLabel } from "@/lib/fiscal-year";
import type { NarrativeChange, ValueChange } from "@/lib/sheets/sheet-changes";
import { NarrativeDiff } from "@/components/sheets/narrative-diff";
import { ValueChanges } from "@/components/sheets/value-changes";

type Item = {
  id: string;
  action: string;
  at: Date;
  by: string;
  evaluationYear: number | null;
  reason: string | null;
  /** a definition change in words: 「目標値（単年）を変更：1,500 → 1,800」 */
  lines?: string[];
  /** values old → new, per series and year, as the audit record holds them */
  values?: ValueChange[];
  changes: NarrativeChange[];
};

/** Who changed what and when: values old → new, and the narratives' changes character by character. */
export function History({ items }: { items: Item[] }) {
  if (items.length === 0) return <p className="muted">この指標の変更履歴はまだありません（シードデータの投入以降）。</p>;
  return (
    <ol className="history">
      {items.map((h) => (
        <li key={h.id}>
          <p>
            <strong>{h.action}</strong>　{h.by}　{h.at.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" })}
            {h.evaluationYear && `（${fiscalYearLabel(h.evaluationYear)}評価）`}
          </p>
          {h.lines && h.lines.length > 0 && (
            <ul>
              {h.lines.map((l) => <li key={l}>{l}</li>)}
            </ul>
          )}
          {h.reason && <p>理由：{h.reason}</p>}
          {h.values && h.values.length > 0 && <ValueChanges changes={h.values} caption="値の変更" compact />}
          {h.changes.map((c) => <NarrativeDiff key={c.field} change={c} />)}
        </li>
      ))}
    </ol>
  );
}
