import { diffChars } from "diff";
import type { NarrativeChange } from "@/lib/sheets/sheet-changes";

export const NARRATIVE_LABELS = { effortStatus: "取組状況", issues: "課題等", direction: "今後の方向性" } as const;

/** One narrative's change, character by character (Japanese has no spaces between words): removed text struck
 *  through, added text underlined, and both said in words for those who do not see the styling. */
export function NarrativeDiff({ change, headingLevel = "p" }: { change: NarrativeChange; headingLevel?: "p" | "h3" }) {
  const Heading = headingLevel;
  return (
    <div className="diff">
      <Heading className={headingLevel === "p" ? "muted" : undefined} style={{ margin: 0 }}>
        {NARRATIVE_LABELS[change.field]}
        <span className="muted" style={{ fontSize: 14, fontWeight: 400 }}>（<del>削除</del>・<ins>追加</ins>）</span>
      </Heading>
      <p style={{ whiteSpace: "pre-wrap", marginTop: 4 }}>
        {diffChars(change.before, change.after).map((part, i) =>
          part.added ? <ins key={i}>{part.value}</ins> : part.removed ? <del key={i}>{part.value}</del> : <span key={i}>{part.value}</span>,
        )}
      </p>
    </div>
  );
}
