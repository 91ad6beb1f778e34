// Checks that seeded text really stands in the source lines it claims to come from. PDF dumps break lines
// anywhere and fuse neighbouring cells, so both sides are compared with all white space removed and
// number formatting relaxed: 「5,480」 is accepted where the chart label prints 「5480」.

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
