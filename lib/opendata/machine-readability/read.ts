// Readers for the machine-readability check: a CSV file or an .xlsx package as plain tables, with the facts
// the rules ask about (BOM, quoting, hidden rows and columns, merged cells, formulas, drawings, styles). The
// .xlsx is read from its XML parts, not through a spreadsheet library, so nothing is normalised away.
import { readZip } from "../../excel/zip";

export type Cell =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "text"; text: string; quoted?: boolean; formula?: boolean; style?: number }
  | { kind: "formula" };

export type Sheet = {
  name: string;
  /** row-major; row 0 is the first row of the file or sheet */
  rows: Cell[][];
  hiddenRows: number;
  hiddenColumns: number;
  hiddenSheet: boolean;
  mergedRanges: number;
  formulas: number;
  /** data cells (row ≥ 2) whose style has a fill, a coloured or bold font */
  styledDataCells: number;
  /** the used range's first cell (A1 when the table starts at the top left) */
  firstCell: string;
};

export type FileFacts = {
  format: "csv" | "xlsx";
  sheets: Sheet[];
  /** CSV: EF BB BF at the start */
  bom: boolean;
  /** CSV: the bytes decode as UTF-8 */
  utf8: boolean;
  /** CSV: every record ends with CRLF, no bare CR or LF outside quotes */
  crlf: boolean;
  /** CSV: a line break inside a field */
  lineBreaksInFields: number;
  /** CSV: records whose field count differs from the header's */
  ragged: number;
  /** CSV: unquoted fields holding a comma or a double quote (cannot happen once parsed, kept for the report) */
  unquotedSpecial: number;
  /** xlsx: drawings, images, comments, embedded objects */
  objects: string[];
};

const EMPTY: Cell = { kind: "empty" };

export function readCsv(bytes: Uint8Array): FileFacts {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text = "";
  let utf8 = true;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    utf8 = false;
  }
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  let crlf = true;
  let lineBreaksInFields = 0;
  const push = () => {
    row.push(field === "" && !wasQuoted ? EMPTY : { kind: "text", text: field, quoted: wasQuoted });
    field = "";
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === "\r" || c === "\n") lineBreaksInFields++;
        field += c;
      }
    } else if (c === '"' && field === "") (quoted = true), (wasQuoted = true);
    else if (c === ",") push();
    else if (c === "\r" || c === "\n") {
      if (!(c === "\r" && text[i + 1] === "\n")) crlf = false;
      else i++;
      push();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== "" || row.length) {
    crlf = false;
    push();
    rows.push(row);
  }
  const width = rows[0]?.length ?? 0;
  const ragged = rows.filter((r) => r.length !== width).length;
  const unquotedSpecial = rows.flat().filter((c) => c.kind === "text" && !c.quoted && /[,"]/.test(c.text)).length;
  const sheet: Sheet = { name: "csv", rows, hiddenRows: 0, hiddenColumns: 0, hiddenSheet: false, mergedRanges: 0, formulas: 0, styledDataCells: 0, firstCell: "A1" };
  return { format: "csv", sheets: [sheet], bom, utf8, crlf, lineBreaksInFields, ragged, unquotedSpecial, objects: [] };
}

const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : e === "amp" ? "&" : String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const texts = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)].map((m) => decodeXml(m[1] ?? "")).join("");

function colIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** Style ids whose fill is not none/gray125, or whose font is not the default one (bold, coloured …). */
function meaningfulStyles(stylesXml: string): Set<number> {
  const fills = [...stylesXml.matchAll(/<fill>([\s\S]*?)<\/fill>/g)].map((m) => !/patternType="(none|gray125)"/.test(m[1]) && /patternType=/.test(m[1]));
  const fonts = [...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(stylesXml)?.[1] ?? "").matchAll(/<font>([\s\S]*?)<\/font>|<font\/>/g)].map((m) => m[1] ?? "");
  const defaultFont = fonts[0] ?? "";
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? "").matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
  const out = new Set<number>();
  xfs.forEach((xf, i) => {
    const fill = Number(attr(xf, "fillId") ?? 0);
    const font = Number(attr(xf, "fontId") ?? 0);
    const f = fonts[font] ?? "";
    if (fills[fill] || (font !== 0 && (/<b\/>|<b\s|<i\/>|<u\/>|<strike/.test(f) || /<color /.test(f) !== /<color /.test(defaultFont)))) out.add(i);
  });
  return out;
}

export function readXlsx(bytes: Uint8Array): FileFacts {
  const entries = new Map(readZip(bytes).map((e) => [e.name, e.data.toString("utf8")]));
  const objects = [...entries.keys()].filter((n) => /^xl\/(drawings|media|embeddings|charts)\/|^xl\/comments|vmlDrawing|^xl\/ctrlProps|^xl\/activeX/.test(n));
  const shared = [...(entries.get("xl/sharedStrings.xml") ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]));
  const styled = meaningfulStyles(entries.get("xl/styles.xml") ?? "");
  const workbook = entries.get("xl/workbook.xml") ?? "";
  const rels = entries.get("xl/_rels/workbook.xml.rels") ?? "";
  const sheets: Sheet[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = decodeXml(attr(m[0], "name") ?? "");
    const rid = attr(m[0], "r:id");
    const target = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((r) => r[0]).find((r) => attr(r, "Id") === rid);
    const path = target ? `xl/${(attr(target, "Target") ?? "").replace(/^\/?xl\//, "").replace(/^\//, "")}` : "";
    const xml = entries.get(path) ?? "";
    const rows: Cell[][] = [];
    let hiddenRows = 0;
    let formulas = 0;
    let styledDataCells = 0;
    let first: { r: number; c: number } | null = null;
    for (const rm of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const r = Number(attr(rm[0], "r")) - 1;
      if (attr(rm[1], "hidden") === "1" || attr(rm[1], "hidden") === "true" || Number(attr(rm[1], "outlineLevel") ?? 0) > 0) hiddenRows++;
      for (const cm of (rm[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const ref = attr(cm[0], "r")!;
        const c = colIndex(ref);
        const t = attr(cm[1], "t");
        const body = cm[2] ?? "";
        const style = Number(attr(cm[1], "s") ?? 0);
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        let cell: Cell = EMPTY;
        if (/<f[\s>/]/.test(body)) {
          formulas++;
          cell = { kind: "formula" };
        } else if (t === "s" && v !== undefined) cell = { kind: "text", text: shared[Number(v)] ?? "", style };
        else if (t === "inlineStr") cell = { kind: "text", text: texts(body), style };
        else if (t === "str" && v !== undefined) cell = { kind: "text", text: decodeXml(v), style };
        else if ((t === null || t === "n") && v !== undefined) cell = { kind: "number", value: Number(v) };
        else if (v !== undefined) cell = { kind: "text", text: decodeXml(v), style };
        if (cell.kind !== "empty") {
          if (!first || r < first.r || (r === first.r && c < first.c)) first = { r, c };
          if (r >= 1 && styled.has(style)) styledDataCells++;
        }
        (rows[r] ??= [])[c] = cell;
      }
    }
    const width = Math.max(0, ...rows.map((r) => r?.length ?? 0));
    const dense = Array.from({ length: rows.length }, (_, i) => Array.from({ length: width }, (_, j) => rows[i]?.[j] ?? EMPTY));
    const hiddenColumns = [...xml.matchAll(/<col\b[^>]*>/g)].filter((m) => attr(m[0], "hidden") === "1" || attr(m[0], "hidden") === "true" || Number(attr(m[0], "outlineLevel") ?? 0) > 0).length;
    const mergedRanges = [...xml.matchAll(/<mergeCell\b/g)].length;
    const state = attr(m[0], "state");
    sheets.push({
      name, rows: dense, hiddenRows, hiddenColumns, hiddenSheet: state === "hidden" || state === "veryHidden", mergedRanges, formulas, styledDataCells,
      firstCell: first ? `${String.fromCharCode(65 + first.c)}${first.r + 1}` : "A1",
    });
  }
  return { format: "xlsx", sheets, bom: false, utf8: true, crlf: true, lineBreaksInFields: 0, ragged: 0, unquotedSpecial: 0, objects };
}
