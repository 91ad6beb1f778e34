// A narrative is stored one paragraph or bullet item per line (as the sheets print them). For display,
// consecutive bullet items become a list and other lines paragraphs; the text itself is never changed.

export type NarrativeBlock = { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

const BULLET = /^(・|-\s|－|※|[①-⑳]|○|◆|◇|■|□|●)/;

export function parseNarrative(text: string | null | undefined): NarrativeBlock[] {
  if (!text) return [];
  const blocks: NarrativeBlock[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    if (BULLET.test(line)) {
      const last = blocks.at(-1);
      if (last?.kind === "list") last.items.push(line);
      else blocks.push({ kind: "list", items: [line] });
    } else {
      blocks.push({ kind: "paragraph", text: line });
    }
  }
  return blocks;
}
