// Why a workbook saved by Python's openpyxl could not be read: exceljs 4.4 does not follow a worksheet's
// relationships to its comments (cell notes). It recognises the comments part only by the name Excel gives it,
// `xl/comments<N>.xml` (and the notes' VML only as `xl/drawings/vmlDrawing<N>.vml`), and looks it up by the
// relationship target written as Excel writes it, `../comments<N>.xml`. The Open Packaging Conventions allow any
// part name and an absolute target: openpyxl saves `xl/comments/comment1.xml` and
// `xl/drawings/commentsDrawing1.vml` with targets `/xl/comments/comment1.xml`, so exceljs finds no comments for
// the relationship and fails with "Cannot read properties of undefined (reading 'comments')".
//
// The fix is one level below exceljs, in the package: follow each worksheet's comments and VML relationships as
// OPC defines them (relative to the worksheet, or absolute), and give those parts the canonical names with
// relative targets (content types updated) before exceljs reads the archive. exceljs also reads a note's text
// only from rich-text runs (`<text><r><t>…`), while the schema (CT_Rst) allows plain text (`<text><t>…`, as
// openpyxl writes it): such a note is wrapped in one run, or its text would read as empty. Nothing else is
// touched, and an archive already in the canonical form is returned as it is (no rewrite).
import { posix } from "node:path";
import { readZip, writeZip, type ZipEntry } from "./zip";

const REL_COMMENTS = "/relationships/comments";
const REL_VML = "/relationships/vmlDrawing";
const PLAIN_NOTE_TEXT = /<text>(\s*<t(?:\s[^>]*)?>[^<]*<\/t>\s*)<\/text>/g;
const SHEET_RELS = /^xl\/worksheets\/_rels\/(sheet\d+\.xml)\.rels$/;

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** The part a relationship of `source` points to (OPC: absolute from the package root, or relative to the source's folder). */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return posix.normalize(target.slice(1));
  return posix.normalize(posix.join(posix.dirname(source), target));
}

/** The package with comments and their VML under the names exceljs reads; the same bytes when nothing needs a new name. */
export function canonicalizeXlsxPackage(bytes: Uint8Array): Uint8Array {
  const entries = readZip(bytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const renames = new Map<string, string>(); // old part name → new part name
  const taken = new Set(entries.map((e) => e.name));
  const rewritten = new Map<ZipEntry, string>();

  const canonical = (part: string, make: (n: number) => string, start: number): string => {
    if (renames.has(part)) return renames.get(part)!;
    for (let n = start; ; n++) {
      const name = make(n);
      if (name === part || !taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  };

  for (const entry of entries) {
    const m = SHEET_RELS.exec(entry.name);
    if (!m) continue;
    const sheetPart = `xl/worksheets/${m[1]}`;
    const sheetNumber = Number(/\d+/.exec(m[1])![0]);
    const xml = entry.data.toString("utf8");
    let changed = false;
    const out = xml.replace(/<Relationship\b[^>]*>/g, (tag) => {
      const type = attr(tag, "Type") ?? "";
      const target = attr(tag, "Target");
      const isComments = type.endsWith(REL_COMMENTS);
      const isVml = type.endsWith(REL_VML);
      if ((!isComments && !isVml) || target === null || attr(tag, "TargetMode") === "External") return tag;
      const part = resolveTarget(sheetPart, target);
      if (!byName.has(part)) return tag;
      const wanted = isComments
        ? /^xl\/comments\d+\.xml$/.test(part) ? part : canonical(part, (n) => `xl/comments${n}.xml`, sheetNumber)
        : /^xl\/drawings\/vmlDrawing\d+\.vml$/.test(part) ? part : canonical(part, (n) => `xl/drawings/vmlDrawing${n}.vml`, sheetNumber);
      if (wanted !== part) renames.set(part, wanted);
      const relative = posix.relative("xl/worksheets", wanted);
      if (relative === target) return tag;
      changed = true;
      return tag.replace(/(\sTarget=")[^"]*"/, `$1${relative}"`);
    });
    if (changed) rewritten.set(entry, out);
  }
  // every comments part (by its final name): plain text wrapped in one run
  const commentParts = new Set([...entries.map((e) => renames.get(e.name) ?? e.name)].filter((n) => /^xl\/comments\d+\.xml$/.test(n)));
  for (const e of entries) {
    if (!commentParts.has(renames.get(e.name) ?? e.name)) continue;
    const xml = rewritten.get(e) ?? e.data.toString("utf8");
    const wrapped = xml.replace(PLAIN_NOTE_TEXT, "<text><r>$1</r></text>");
    if (wrapped !== xml) rewritten.set(e, wrapped);
  }
  if (rewritten.size === 0 && renames.size === 0) return bytes;

  const result = entries.map((e): ZipEntry => {
    const name = renames.get(e.name) ?? e.name;
    if (rewritten.has(e)) return { name, data: Buffer.from(rewritten.get(e)!, "utf8") };
    if (renames.has(e.name)) return { name, data: e.data };
    if (e.name === "[Content_Types].xml") {
      let xml = e.data.toString("utf8");
      for (const [from, to] of renames) xml = xml.split(`PartName="/${from}"`).join(`PartName="/${to}"`);
      return { name: e.name, data: Buffer.from(xml, "utf8") };
    }
    return e;
  });
  return writeZip(result);
}
