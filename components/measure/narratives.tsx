import { parseNarrative } from "@/lib/narratives/parse";

const SECTIONS = [
  ["effortStatus", "取組状況"],
  ["issues", "課題等"],
  ["direction", "今後の方向性"],
] as const;

/** The three narratives of a sheet, rendered as text (never as HTML), bullet items as lists. */
export function Narratives({ entry }: { entry: { effortStatus: string | null; issues: string | null; direction: string | null } }) {
  return (
    <>
      {SECTIONS.map(([key, title]) => {
        const blocks = parseNarrative(entry[key]);
        return (
          <section key={key} aria-label={title}>
            <h3>{title}</h3>
            {blocks.length === 0 ? (
              <p className="muted">記載なし</p>
            ) : (
              blocks.map((b, i) =>
                b.kind === "paragraph" ? (
                  <p key={i}>{b.text}</p>
                ) : (
                  <ul key={i} className="narrative-list">
                    {b.items.map((item, j) => (
                      <li key={j}>{item}</li>
                    ))}
                  </ul>
                ),
              )
            )}
          </section>
        );
      })}
    </>
  );
}
