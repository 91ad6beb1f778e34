// Checks that seeded text really stands in the source lines it claims to come from.
// - Printed values (numbers, units, targets): PDF dumps break lines anywhere and fuse neighbouring cells, so both
//   sides are compared with all white space removed and number formatting relaxed: 「5,480」 is accepted where the
//   chart label prints 「5480」 (`foundInSource`).
// - Text (names, titles, notes, row labels, narratives) is compared exactly: only the line breaks are joined
//   (`joinLineBreaks`); widths, dashes, commas and every other character must be as printed.

export function normalizeForMatch(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[‐‑–—―−－ー]/g, "-");
}

export function sourceSlice(lines: readonly string[], [start, end]: readonly [number, number]): string {
  return lines.slice(start - 1, end).join("\n");
}

/** True when `needle` stands in `haystack` once both are normalised (commas in numbers optional). */
export function foundInSource(needle: string, haystack: string): boolean {
  const n = normalizeForMatch(needle);
  const h = normalizeForMatch(haystack);
  if (n === "") return true;
  if (h.includes(n)) return true;
  return h.replace(/(\d),(?=\d)/g, "$1").includes(n.replace(/(\d),(?=\d)/g, "$1"));
}

/** The lines of a narrative that cannot be found in the source, for an error message. */
export function missingNarrativeLines(narrative: string, haystack: string): string[] {
  return narrative
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !foundInSource(l, haystack));
}

const NON_ASCII = "[^\\x00-\\x7F]";
const SPACE_BETWEEN_NON_ASCII = new RegExp(`(?<=${NON_ASCII})[ \\t\\u3000]+(?=${NON_ASCII})`, "g");

/**
 * Text with its line breaks joined and nothing else changed. A line break is joined with the white space at the
 * edges of the lines it separates (PDF indents such as a leading 全角 space and trailing blanks are layout, not
 * text). With `cells`, white space between two non-ASCII characters is joined too: the table dumps (嘉麻市's
 * tables) print a line break inside a cell as a single space (「『まあ住みや すい』」). White space between Latin
 * letters or digits always stays and must match.
 */
export function joinLineBreaks(text: string, { cells = false }: { cells?: boolean } = {}): string {
  const joined = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .join("");
  return cells ? joined.replace(SPACE_BETWEEN_NON_ASCII, "") : joined;
}

/**
 * True when `needle` stands, character for character, in `haystack` with the line breaks joined on both sides
 * (names, titles, notes and row labels, which may come from table cells: `cells` joining).
 */
export function foundExactly(needle: string, haystack: string): boolean {
  const n = joinLineBreaks(needle, { cells: true });
  return n === "" || joinLineBreaks(haystack, { cells: true }).includes(n);
}

/** The text of a list of inclusive 1-based line ranges, in the order given. */
export function rangesText(lines: readonly string[], ranges: readonly (readonly [number, number])[]): string {
  return ranges.map((r) => sourceSlice(lines, r)).join("\n");
}

/**
 * Compares a narrative with the source lines it names: equal once line breaks are joined. Returns null when
 * equal, else a short description of the first difference (the position and the two texts from there).
 */
export function narrativeDifference(narrative: string, printed: string): string | null {
  const a = joinLineBreaks(narrative);
  const b = joinLineBreaks(printed);
  if (a === b) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (s: string) => (s.length === 0 ? "（終わり）" : `「${s.slice(0, 20)}${s.length > 20 ? "…" : ""}」`);
  return `differs from its source lines at character ${i + 1}: seeded ${show(a.slice(i))}, printed ${show(b.slice(i))}`;
}
