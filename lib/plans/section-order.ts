// Pure helpers for the section tree: its display order and new keys.
export type SectionNode = { id: string; key: string; parentId: string | null; sortOrder: number };

/** Depth-first: each top-level section by sortOrder, followed by its children by sortOrder. Orphans (a parent
 *  that is not in the list) come last rather than disappear. */
export function treeOrder<T extends SectionNode>(sections: readonly T[]): T[] {
  const bySort = [...sections].sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key));
  const out: T[] = [];
  for (const top of bySort.filter((s) => !s.parentId)) {
    out.push(top);
    out.push(...bySort.filter((s) => s.parentId === top.id));
  }
  out.push(...bySort.filter((s) => !out.includes(s)));
  return out;
}

/** A free key for a new section: top level 「1」「2」…, under a parent 「<parent key>-1」… */
export function nextSectionKey(sections: readonly SectionNode[], parentId: string | null): string {
  const keys = new Set(sections.map((s) => s.key));
  const prefix = parentId ? `${sections.find((s) => s.id === parentId)?.key ?? "s"}-` : "";
  for (let n = 1; ; n++) if (!keys.has(`${prefix}${n}`)) return `${prefix}${n}`;
}
