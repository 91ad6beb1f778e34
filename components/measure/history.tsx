import { diffChars } from "diff";
import { fiscalYearLabel } from "@/lib/fiscal-year";

const FIELD_LABELS = { effortStatus: "取組状況", issues: "課題等", direction: "今後の方向性" } as const;

type Item = {
  id: string;
  action: string;
  at: Date;
  by: string;
  evaluationYear: number | null;
  reason: string | null;
  /** a definition change in words: 「目標値（単年）を変更：1,500 → 1,800」 */
  lines?: string[];
  changes: { field: keyof typeof FIELD_LABELS; before: string; after: string }[];
};

/** Who changed what and when, with the narratives' changes shown character by character (Japanese has no spaces). */
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
          {h.changes.map((c) => (
            <div key={c.field} className="diff">
              <p className="muted" style={{ margin: 0 }}>{FIELD_LABELS[c.field]}（<del>削除</del>・<ins>追加</ins>）</p>
              <p style={{ whiteSpace: "pre-wrap", marginTop: 4 }}>
                {diffChars(c.before, c.after).map((part, i) =>
                  part.added ? <ins key={i}>{part.value}</ins> : part.removed ? <del key={i}>{part.value}</del> : <span key={i}>{part.value}</span>,
                )}
              </p>
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}
