// Fitting the printed pages on A4 without a layout engine: the text is measured roughly (a full-width
// character is 1 em, a half-width one about half) and each sheet gets the largest type that lets its three
// narratives fit on one page; the contents list is split into pages the same way, so that page numbers are
// known before printing. The browser tests check the estimates against the real layout.

/** A4 portrait less the @page margins (print.css): the printable area in millimetres. */
export const PRINTABLE = { widthMm: 186, heightMm: 273 } as const;

const PT_MM = 25.4 / 72;

/** Width of a text in em: CJK and full-width forms 1, everything else (ASCII, half-width kana) about 0.55. */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    em += c < 0x1100 || (c >= 0xff61 && c <= 0xffdc) ? 0.55 : 1;
  }
  return em;
}

/** How many lines a text takes in a column `widthEm` wide (each "\n" starts a new line; at least 1). */
export function lineCount(text: string, widthEm: number, indentEm = 0): number {
  let lines = 0;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const w = textWidthEm(line);
    lines += w <= widthEm ? 1 : 1 + Math.ceil((w - widthEm) / Math.max(widthEm - indentEm, 1));
  }
  return Math.max(lines, 1);
}

export type Density = "normal" | "compact" | "tight" | "tiny";

/** Type size and line height of each density (print.css uses the same numbers). */
export const DENSITIES: Record<Density, { fontPt: number; lineHeight: number; chartMm: number }> = {
  normal: { fontPt: 10, lineHeight: 1.5, chartMm: 62 },
  compact: { fontPt: 9, lineHeight: 1.45, chartMm: 58 },
  tight: { fontPt: 8, lineHeight: 1.4, chartMm: 52 },
  tiny: { fontPt: 7.2, lineHeight: 1.35, chartMm: 46 },
};
const ORDER: Density[] = ["normal", "compact", "tight", "tiny"];

export type SheetText = {
  name: string;
  /** value rows of the table */
  rows: number;
  /** the three narratives (one paragraph or item per line) */
  narratives: (string | null)[];
  /** notes printed under the table (footnote, ※ notes, cell notes) */
  notes: string[];
};

const NARRATIVE_WIDTH_MM = PRINTABLE.widthMm - 22; // less the label column and padding
const NOTES_WIDTH_MM = PRINTABLE.widthMm;
const NAME_WIDTH_MM = 42;

/** The estimated height of a sheet in millimetres at a density. */
export function estimateSheetHeightMm(sheet: SheetText, density: Density): number {
  const { fontPt, lineHeight, chartMm } = DENSITIES[density];
  const em = fontPt * PT_MM;
  const line = em * lineHeight;
  const header = 17;
  const nameLines = lineCount(sheet.name, NAME_WIDTH_MM / em);
  const table = 11 + Math.max(sheet.rows * 9, nameLines * line + 3);
  const notes = sheet.notes.reduce((sum, n) => sum + lineCount(n, NOTES_WIDTH_MM / (em * 0.9)) * line * 0.9, 0) + (sheet.notes.length ? 2 : 0);
  const narratives = sheet.narratives.reduce(
    (sum, text) => sum + Math.max(lineCount(text ?? "記載なし", NARRATIVE_WIDTH_MM / em, 1), 3) * line + 4,
    0,
  );
  const footer = 8;
  const gaps = 4 * 3;
  return header + table + notes + chartMm + 6 + narratives + footer + gaps;
}

/** The largest type with which the sheet fits on one page (the smallest when nothing fits). */
export function chooseDensity(sheet: SheetText, budgetMm: number = PRINTABLE.heightMm - 6): Density {
  return ORDER.find((d) => estimateSheetHeightMm(sheet, d) <= budgetMm) ?? "tiny";
}

export type ContentsEntry = { number: string; name: string; owners: string };
export type ContentsPage<T extends ContentsEntry> = { entries: (T & { page: number })[] };

/**
 * The contents list in pages, each row with the page its sheet is printed on: the cover is page 1, the
 * contents pages follow, then one sheet per page in order.
 */
export function paginateContents<T extends ContentsEntry>(entries: T[], options: { fontPt?: number; firstPageMm?: number; pageMm?: number } = {}): ContentsPage<T>[] {
  const fontPt = options.fontPt ?? 9.5;
  const em = fontPt * PT_MM;
  const line = em * 1.45;
  const budgetFirst = options.firstPageMm ?? PRINTABLE.heightMm - 40; // heading and table head
  const budget = options.pageMm ?? PRINTABLE.heightMm - 24;
  const pages: T[][] = [[]];
  let used = 0;
  for (const e of entries) {
    const lines = Math.max(lineCount(e.name, 104 / em), lineCount(e.owners, 52 / em), 1);
    const h = lines * line + 2.2;
    const limit = pages.length === 1 ? budgetFirst : budget;
    if (used + h > limit && pages.at(-1)!.length > 0) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)!.push(e);
    used += h;
  }
  const front = 1 + pages.length;
  let n = 0;
  return pages.map((p) => ({ entries: p.map((e) => ({ ...e, page: front + ++n })) }));
}
