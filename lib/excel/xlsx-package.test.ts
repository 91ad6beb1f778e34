// A package laid out the way openpyxl saves it (notes in xl/comments/comment1.xml with an absolute target, the VML
// as commentsDrawing1.vml, note text without runs) breaks exceljs; after canonicalizeXlsxPackage it reads, notes
// included. The real openpyxl and LibreOffice files are tested in tests/integration/excel-other-programs.test.ts.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { canonicalizeXlsxPackage, resolveTarget } from "./xlsx-package";
import { readZip, writeZip } from "./zip";
import { openWorkbook } from "./import";

async function withNote(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指標");
  ws.getCell("A1").value = "No";
  ws.getCell("A1").note = "照合用";
  ws.getCell("B2").value = 1759;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The same package as openpyxl names and writes its notes. */
function asOpenpyxl(bytes: Uint8Array): Uint8Array {
  const rename: Record<string, string> = { "xl/comments1.xml": "xl/comments/comment1.xml", "xl/drawings/vmlDrawing1.vml": "xl/drawings/commentsDrawing1.vml" };
  return writeZip(
    readZip(bytes).map((e) => {
      let text = e.data.toString("utf8");
      if (e.name === "xl/worksheets/_rels/sheet1.xml.rels") text = text.replace('Target="../comments1.xml"', 'Target="/xl/comments/comment1.xml"').replace('Target="../drawings/vmlDrawing1.vml"', 'Target="/xl/drawings/commentsDrawing1.vml"');
      if (e.name === "xl/comments1.xml") text = text.replace(/<r>(<t[^>]*>[^<]*<\/t>)<\/r>/g, "$1");
      if (e.name === "[Content_Types].xml") text = text.replace('PartName="/xl/comments1.xml"', 'PartName="/xl/comments/comment1.xml"');
      return { name: rename[e.name] ?? e.name, data: e.name.endsWith(".xml") || e.name.endsWith(".rels") ? Buffer.from(text) : e.data };
    }),
  );
}

describe("canonicalizeXlsxPackage", () => {
  it("resolves relationship targets as OPC does", () => {
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../comments1.xml")).toBe("xl/comments1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "/xl/comments/comment1.xml")).toBe("xl/comments/comment1.xml");
  });

  it("returns a package already in Excel's layout unchanged", async () => {
    const bytes = await withNote();
    expect(canonicalizeXlsxPackage(bytes)).toBe(bytes);
  });

  it("makes openpyxl's layout readable by exceljs, note text included", async () => {
    const odd = asOpenpyxl(await withNote());
    await expect(new ExcelJS.Workbook().xlsx.load(odd as unknown as ArrayBuffer)).rejects.toThrow(/comments/);
    const fixed = canonicalizeXlsxPackage(odd);
    expect(readZip(fixed).map((e) => e.name)).toEqual(expect.arrayContaining(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml"]));
    const opened = await openWorkbook(odd);
    if (!opened.ok) throw new Error(opened.message);
    const ws = opened.workbook.getWorksheet("指標")!;
    expect(ws.getCell("A1").note).toBe("照合用");
    expect(ws.getCell("B2").value).toBe(1759);
  });
});
