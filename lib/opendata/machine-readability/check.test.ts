// The checker must fail files that break a rule, one fault at a time, and pass a clean one: otherwise the
// machine-readability test on the real downloads would prove nothing.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ColumnDef } from "../columns";
import { checkFile, type FileSpec } from "./check";
import { readCsv, readXlsx } from "./read";
import { RULES } from "./rules";

const columns: ColumnDef[] = [
  { key: "organizationCode", title: "全国地方公共団体コード", type: "string", unit: null, description: "団体", example: "", json: "" },
  { key: "fiscalYear", title: "年度", type: "integer", unit: "年度", description: "年度", example: "", json: "" },
  { key: "value", title: "数値", type: "number", unit: "unit の列", description: "値", example: "", json: "" },
  { key: "kind", title: "区分", type: "string", unit: null, description: "区分", example: "", json: "", codes: [{ code: "実績値", meaning: "実績値" }, { code: "目標値", meaning: "目標値" }] },
  { key: "text", title: "表示値", type: "string", unit: null, description: "印字", example: "", json: "" },
];
const csvSpec: FileSpec = { tables: [{ sheet: "csv", columns, required: ["organizationCode", "fiscalYear", "kind"] }], metadata: { schemaUrl: "/s.json", encoding: "utf-8", bom: true, fieldsHaveTitles: true } };
const xlsxSpec: FileSpec = { ...csvSpec, tables: [{ ...csvSpec.tables[0], sheet: "values" }], metadata: { ...csvSpec.metadata, encoding: null, bom: null } };

const GOOD = ["organizationCode,fiscalYear,value,kind,text", "430005,2023,1759,実績値,\"1,759\"", "430005,2022,,実績値,集計中", "402273,2024,0,目標値,0"];
const csv = (lines: string[], bom = true) => new TextEncoder().encode(`${bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`);
const failed = (bytes: Uint8Array, spec = csvSpec) => checkFile(readCsv(bytes), spec).filter((r) => r.status === "fail").map((r) => r.id);

describe("the rules list", () => {
  it("holds the published rules, L1-01 … L3-09, once each", () => {
    expect(RULES.map((r) => r.id)).toEqual([...new Set(RULES.map((r) => r.id))]);
    expect(RULES[0].id).toBe("L1-01");
    expect(RULES.at(-1)!.id).toBe("L3-09");
  });
});

describe("CSV", () => {
  it("passes a clean file", () => {
    expect(failed(csv(GOOD))).toEqual([]);
  });
  it.each([
    ["a line break inside a field", [...GOOD, '430005,2021,1,実績値,"速報\n値"'], ["L1-06", "L1-14"]],
    ["a record with an extra field", [...GOOD, "430005,2021,1,実績値,1,x"], ["L1-02", "L1-04", "L1-15"]],
    ["a blank row inside the table", [GOOD[0], GOOD[1], "", GOOD[2]], ["L1-02", "L1-03", "L1-04", "L1-15", "L2-02", "L3-06"]],
    ["a number with separators and a unit", [...GOOD, '430005,2021,"1,200人",実績値,x'], ["L1-07", "L2-01", "L3-03"]],
    ["a dash in a number column", [...GOOD, "430005,2021,－,実績値,－"], ["L1-07", "L1-09", "L2-01", "L3-03"]],
    ["an era year in a year column", [...GOOD, "430005,R3,1,実績値,1"], ["L1-07", "L2-01", "L3-03", "L3-05"]],
    ["a value left out because the row above has it", [...GOOD, ",2021,1,実績値,1"], ["L2-02", "L3-06"]],
    ["a code outside the code table", [...GOOD, "430005,2021,1,その他（見込み）,1"], ["L2-04", "L2-05"]],
    ["a wrong area code", [...GOOD, "430006,2021,1,実績値,1"], ["L3-06"]],
    ["layout spaces", [...GOOD, "430005,2021,1,実績値,熊本　　県"], ["L1-06"]],
    ["a platform-dependent character", [...GOOD, "430005,2021,1,実績値,①完了"], ["L1-08"]],
  ])("fails %s", (_, lines, rules) => {
    expect(failed(csv(lines as string[]))).toEqual(rules);
  });
  it("fails Japanese headers, wide years and duplicated headers", () => {
    expect(failed(csv(["全国地方公共団体コード,fiscalYear,value,kind,text", ...GOOD.slice(1)]))).toEqual(["L1-05", "L3-01", "L3-07"]);
    expect(failed(csv(["organizationCode,fiscalYear,value,kind,text,R5実績値", ...GOOD.slice(1).map((l) => `${l},1`)]))).toEqual(expect.arrayContaining(["L1-04", "L1-05", "L3-07", "L3-09"]));
    expect(failed(csv(["organizationCode,fiscalYear,value,kind,kind", ...GOOD.slice(1)]))).toEqual(expect.arrayContaining(["L2-03"]));
  });
  it("fails a file whose BOM or encoding is not the declared one", () => {
    expect(failed(csv(GOOD, false))).toEqual(["L3-08"]);
    expect(failed(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x0d, 0x0a]))).toContain("L3-08");
    expect(failed(csv(GOOD), { ...csvSpec, metadata: { ...csvSpec.metadata, schemaUrl: "", fieldsHaveTitles: false } })).toEqual(expect.arrayContaining(["L3-02", "L3-08"]));
  });
  it("fails a number column without a unit in the schema", () => {
    expect(failed(csv(GOOD), { ...csvSpec, tables: [{ ...csvSpec.tables[0], columns: columns.map((c) => (c.key === "value" ? { ...c, unit: null } : c)) }] })).toEqual(["L3-04"]);
  });
  it("reports the Excel rules as not applicable", () => {
    const r = checkFile(readCsv(csv(GOOD)), csvSpec);
    expect(r.filter((x) => x.status === "not_applicable").map((x) => x.id)).toEqual(["L1-10", "L1-11", "L1-12", "L1-13", "L2-06"]);
  });
});

async function workbook(change: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void = () => {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("values");
  ws.addRow(["organizationCode", "fiscalYear", "value", "kind", "text"]);
  ws.addRow(["430005", 2023, 1759, "実績値", "1,759"]);
  ws.addRow(["430005", 2022, null, "実績値", "集計中"]);
  ws.addRow(["402273", 2024, 0, "目標値", "0"]);
  change(ws, wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
const xlsxFailed = async (change?: Parameters<typeof workbook>[0]) => checkFile(readXlsx(await workbook(change)), xlsxSpec).filter((r) => r.status === "fail").map((r) => r.id);

describe("xlsx", () => {
  it("passes a clean workbook", async () => {
    expect(await xlsxFailed()).toEqual([]);
  });
  it.each([
    ["a hidden column", (ws: ExcelJS.Worksheet) => (ws.getColumn(5).hidden = true), ["L1-13"]],
    ["a hidden row", (ws: ExcelJS.Worksheet) => (ws.getRow(3).hidden = true), ["L1-13"]],
    ["merged cells", (ws: ExcelJS.Worksheet) => ws.mergeCells("A2:A3"), ["L1-12", "L2-02", "L3-06"]], // the merged-away cell is empty
    ["a formula", (ws: ExcelJS.Worksheet) => (ws.getCell("C4").value = { formula: "C2-C2", result: 0 }), ["L1-07", "L2-01", "L2-06"]],
    ["a fill that carries meaning", (ws: ExcelJS.Worksheet) => (ws.getCell("C2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } }), ["L1-11"]],
    ["a comment", (ws: ExcelJS.Worksheet) => (ws.getCell("C2").note = "速報値"), ["L1-10"]],
    ["a number stored as text", (ws: ExcelJS.Worksheet) => (ws.getCell("C2").value = "1759"), ["L2-01"]],
    ["a title above the table", (ws: ExcelJS.Worksheet) => ws.insertRow(1, ["KPI の値"]), ["L1-03", "L1-05", "L2-03", "L3-01", "L3-07"]],
  ])("fails %s", async (_, change, rules) => {
    expect(await xlsxFailed(change as (ws: ExcelJS.Worksheet) => void)).toEqual(rules);
  });
  it("fails a workbook without the sheet the schema names", async () => {
    expect(await xlsxFailed((ws) => (ws.name = "指標"))).toContain("L1-02");
  });
});
