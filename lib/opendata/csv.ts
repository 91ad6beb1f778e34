// A minimal RFC 4180 CSV writer. No CSV library (csv-stringify, papaparse, …) is installed and this project may
// not add dependencies for this, and the rules we need are few: fields joined by commas, records ended by CRLF,
// a field quoted when it holds a comma, a double quote, CR or LF (or leading/trailing spaces, which some
// readers trim), a double quote inside a quoted field written twice. The file starts with a UTF-8 byte-order
// mark so that Excel reads it as UTF-8 (the Digital Agency's machine-readability rules ask for UTF-8).

export type CsvCell = string | number | null | undefined;

export const UTF8_BOM = "\uFEFF";
export const CRLF = "\r\n";

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * A text cell that a spreadsheet program would read as a formula (it starts with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe, as OWASP's CSV injection guidance says, so that opening the file never runs
 * it. Plain numbers (-7.7) and a lone sign (－ written as "-") are not formulas and stay as they are. Every CSV this
 * app writes goes through csvField, so this is the one place.
 */
export function neutraliseFormula(text: string): string {
  if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text) || text.length === 1) return text;
  return `'${text}`;
}

/** One field: null and undefined are an empty cell (never 0); numbers are written as plain decimals; text that
 *  would be read as a formula is neutralised. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  const text = typeof cell === "number" ? plainNumber(cell) : neutraliseFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: a header row first, then the records, each ended by CRLF, with the BOM in front. */
export function toCsv(header: readonly string[], records: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...records].map((r) => r.map(csvField).join(","));
  return UTF8_BOM + lines.map((l) => l + CRLF).join("");
}

/** 1759, 53.9, -1305, 0.000001: never exponent notation, never thousands separators. */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // only reached for |n| < 1e-6 or ≥ 1e21, which Decimal(20, 6) cells cannot hold; written out in full anyway
  return n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

/** A value cell must fit on one line (machine-readability rule): stray line breaks become one space. */
export function singleLine(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return text.replace(/\r\n|\r|\n/g, " ");
}
