import { describe, expect, it } from "vitest";
import type { Workbook } from "exceljs";
import { buildDefinitionWorkbook, type WorkbookData } from "./build";
import { checkAgainstPlan, keepPrinted, type PlanContext } from "./check";
import { readCellValue, readYear, printedColumnText, typedCellValue, valueColumnCell } from "./cells";
import { formatIssue, loadWorkbook, locate, readDefinitionWorkbook, sectionKey, type KpiLocation } from "./read";
import type { CanonicalMeasure } from "../setup/definition";

const measure = (over: Partial<CanonicalMeasure> = {}): CanonicalMeasure => ({
  number: "1",
  name: "観光消費額",
  kind: "kpi",
  section: "2-4",
  footnote: null,
  notes: [],
  owners: [{ department: "商工労働部", division: "観光企画課" }],
  series: [
    {
      label: "単年",
      unit: "億円",
      baseline: { year: 2023, value: "-2071", text: "▲ 2,071" },
      target: { kind: "number", direction: "higher", year: 2027, value: "3500", text: "3,500", periodStart: null, periodEnd: null },
      aggregation: null,
      countsWithinPeriod: false,
      yearlyTargets: [{ year: 2024, value: "-1772", text: "▲ 1,772" }, { year: 2025, value: "75", text: "75.0" }],
    },
    { label: "累計", unit: "億円", baseline: { year: 2023, value: null, text: "集計中" }, target: { kind: "relative", direction: "lower", year: null, value: null, text: "前年比減", periodStart: null, periodEnd: null }, aggregation: "sum", countsWithinPeriod: true, yearlyTargets: [] },
  ],
  ...over,
});
const data = (measures: CanonicalMeasure[]): WorkbookData => ({
  organization: { code: "430005", name: "熊本県" },
  plan: { slug: "kumamoto-2024", name: "くまもと新時代共創総合戦略", startYear: 2024, endYear: 2027, statusLabel: "運用中" },
  sections: [{ key: "2-4", label: "（施策４）", title: "スポーツ、観光、文化芸術の振興", parentKey: "2" }],
  departments: [{ name: "商工労働部", divisions: ["観光企画課"] }, { name: "土木部", divisions: ["道路整備課"] }],
  measures: measures.map((definition) => ({ retired: false, definition })),
  generatedAt: new Date("2026-12-01T00:00:00Z"),
});
const ctx = { organizationCode: "430005", planSlug: "kumamoto-2024", planName: "くまもと新時代共創総合戦略" };
const plan = (current: CanonicalMeasure[]): PlanContext => ({
  status: "active",
  sectionKeys: ["2-4"],
  units: [{ name: "商工労働部", parentName: null, retired: false }, { name: "観光企画課", parentName: "商工労働部", retired: false }, { name: "土木部", parentName: null, retired: false }],
  current: current.map((definition) => ({ retired: false, definition, seriesWithActuals: ["単年"] })),
});
async function roundTrip(wb: Workbook) {
  return (await loadWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)))!;
}
function cols(wb: Workbook) {
  const h: Record<string, number> = {};
  wb.getWorksheet("指標")!.getRow(1).eachCell((c, i) => (h[String(c.value)] = i));
  return h;
}

describe("cells", () => {
  it("reads numbers with at most six decimals, never rounding", () => {
    expect(readCellValue(1027)).toEqual({ kind: "number", value: "1027" });
    expect(readCellValue(0.1 + 0.2)).toEqual({ kind: "number", value: "0.3" });
    expect(readCellValue(1.1234567)).toEqual({ kind: "invalid", message: "小数点以下は6桁までです" });
    expect(readCellValue("集計中")).toEqual({ kind: "text", text: "集計中" });
    expect(readCellValue(new Date()).kind).toBe("invalid");
  });
  it("reads a percentage as typed (50% → 50), but not a number whose format only prints a quoted %", () => {
    expect(typedCellValue({ value: 0.5, numFmt: "0%" })).toBe(50);
    expect(typedCellValue({ value: 0.123, numFmt: "0.0%" })).toBe(12.3);
    expect(typedCellValue({ value: 45.6, numFmt: '0.0"%"' })).toBe(45.6);
    expect(typedCellValue({ value: 45.6, numFmt: "General" })).toBe(45.6);
    expect(typedCellValue({ value: "50%", numFmt: "0%" })).toBe("50%");
  });
  it("reads years as Western integers or era names", () => {
    expect(readYear(2024)).toEqual({ ok: true, year: "2024" });
    expect(readYear("R6")).toEqual({ ok: true, year: 2024 });
    expect(readYear("令和6年度")).toEqual({ ok: true, year: 2024 });
  });
  it("writes the printed text only where the number would not give it back", () => {
    expect(printedColumnText({ value: "1027", text: "1,027" }, null)).toBeNull();
    expect(printedColumnText({ value: "-2071", text: "▲ 2,071" }, null)).toBe("▲ 2,071");
    expect(printedColumnText({ value: null, text: "集計中" }, null)).toBe("集計中");
    expect(valueColumnCell({ value: "12345678901234.123456", text: null })).toEqual({ kind: "text", text: "12345678901234.123456" });
  });
});

describe("reader", () => {
  it("an unchanged workbook reads back to the same definitions (no change)", async () => {
    const current = [measure(), measure({ number: "2", name: "系列なし", series: [], owners: [] })];
    const wb = await roundTrip(buildDefinitionWorkbook(data(current)));
    const read = readDefinitionWorkbook(wb, ctx);
    expect(read.issues).toEqual([]);
    const checked = checkAgainstPlan(read.kpis, read.years, plan(current));
    expect(checked.issues).toEqual([]);
    expect(checked.plan).toEqual({ changes: [], unchanged: 2, notInFile: [] });
  });

  it("finds columns by header text, whatever their order, and accepts blank KPI fields on later rows", async () => {
    const wb = buildDefinitionWorkbook(data([measure()]));
    const ws = wb.getWorksheet("指標")!;
    ws.spliceColumns(2, 1); // 指標名 moved to the end
    const last = ws.columnCount + 1;
    ws.getCell(1, last).value = "指標名";
    ws.getCell(2, last).value = "観光消費額";
    const h = cols(wb);
    ws.getCell(3, h["種別"]).value = null;
    ws.getCell(3, h["担当部局1"]).value = null;
    ws.getCell(3, h["担当課1"]).value = null;
    const read = readDefinitionWorkbook(await roundTrip(wb), ctx);
    expect(read.issues).toEqual([]);
    expect(read.kpis[0].definition).toMatchObject({ name: "観光消費額", owners: [{ department: "商工労働部", division: "観光企画課" }] });
    expect(read.kpis[0].definition.series.map((s) => s.label)).toEqual(["単年", "累計"]);
  });

  it("refuses a later row whose KPI fields differ, duplicates, and schema errors, each at its row and column", async () => {
    const wb = buildDefinitionWorkbook(data([measure()]));
    const ws = wb.getWorksheet("指標")!;
    const h = cols(wb);
    ws.getCell(3, h["指標名"]).value = "別の名前";
    ws.getCell(3, h["系列（区分）"]).value = "単年";
    ws.getCell(2, h["目標値"]).value = null;
    ws.getCell(2, h["目標値の印字"]).value = null;
    const messages = readDefinitionWorkbook(await roundTrip(wb), ctx).issues.map(formatIssue);
    expect(messages).toEqual([
      "シート『指標』の2行目、列『目標値』：目標値（数値）を入力してください",
      "シート『指標』の3行目、列『指標名』：No「1」の最初の行（2行目）と内容が違います。指標の項目は各行同じにするか、2行目以降を空欄にしてください",
      "シート『指標』の3行目、列『系列（区分）』：No「1」の系列「単年」が重複しています（2行目と同じ）",
    ]);
  });

  it("refuses another plan's file", async () => {
    const read = readDefinitionWorkbook(await roundTrip(buildDefinitionWorkbook(data([]))), { ...ctx, planSlug: "kumamoto-2020" });
    expect(read.issues.map(formatIssue)).toEqual([expect.stringMatching(/^シート『説明』：別の計画のファイルです/)]);
  });

  it("maps zod paths and the lib's field keys back to the row and column", () => {
    const at: KpiLocation = { firstRow: 5, seriesRows: [5, 9], yearlyHeaders: [[], ["R7目標値（2025）"]], written: new Map() };
    expect(locate(at, ["series", 1, "target", "value"])).toEqual({ row: 9, column: "目標値" });
    expect(locate(at, ["series", 1, "yearlyTargets", 0, "value"])).toEqual({ row: 9, column: "R7目標値（2025）" });
    expect(locate(at, ["owners", 1, "department"])).toEqual({ row: 5, column: "担当部局2" });
    expect(locate(at, ["reason"])).toEqual({ row: 5, column: "変更理由" });
    expect(sectionKey("2-4：スポーツ、観光")).toBe("2-4");
  });
});

describe("check against the plan", () => {
  it("unknown sections and owners, a changed target of a running plan without a reason", async () => {
    const wb = buildDefinitionWorkbook(data([measure()]));
    const ws = wb.getWorksheet("指標")!;
    const h = cols(wb);
    ws.getCell(2, h["区分"]).value = "9-9";
    ws.getCell(2, h["担当課1"]).value = "存在しない課";
    ws.getCell(2, h["目標値"]).value = 4000;
    ws.getCell(3, h["区分"]).value = null; // later rows may leave the KPI's fields blank
    ws.getCell(3, h["担当課1"]).value = null;
    const read = readDefinitionWorkbook(await roundTrip(wb), ctx);
    expect(read.issues).toEqual([]);
    const checked = checkAgainstPlan(read.kpis, read.years, plan([measure()]));
    expect(checked.issues.map(formatIssue)).toEqual([
      "シート『指標』の2行目、列『区分』：区分「9-9」はこの計画にありません（シート『区分』のキーを使ってください）",
      "シート『指標』の2行目、列『担当課1』：「商工労働部」に「存在しない課」という課はありません",
      expect.stringMatching(/^シート『指標』の2行目、列『変更理由』：運用中の計画の目標値・基準値を変更するには.*（単年の目標値）$/),
    ]);
  });

  it("carries 計画期間内の累計: 「はい」 or blank, a change of a running plan's series needs a reason", async () => {
    const wb = buildDefinitionWorkbook(data([measure()]));
    const ws = wb.getWorksheet("指標")!;
    const h = cols(wb);
    expect(ws.getCell(2, h["計画期間内の累計"]).value).toBeNull();
    expect(ws.getCell(3, h["計画期間内の累計"]).value).toBe("はい");
    ws.getCell(3, h["計画期間内の累計"]).value = null;
    const read = readDefinitionWorkbook(await roundTrip(wb), ctx);
    expect(read.issues).toEqual([]);
    expect(read.kpis[0].definition.series.map((s) => s.countsWithinPeriod)).toEqual([false, false]);
    const checked = checkAgainstPlan(read.kpis, read.years, plan([measure()]));
    expect(checked.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^シート『指標』の2行目、列『変更理由』：運用中の計画の目標値・基準値を変更するには.*（累計の数え方（計画期間内の累計））$/),
    ]);

    ws.getCell(3, h["計画期間内の累計"]).value = "累計";
    const wrong = readDefinitionWorkbook(await roundTrip(wb), ctx);
    expect(wrong.issues.map(formatIssue)).toEqual(["シート『指標』の3行目、列『計画期間内の累計』：「累計」は選べません。「はい」のいずれかを選んでください"]);
  });

  it("a workbook without the 計画期間内の累計 column (downloaded before it existed) keeps the stored setting", async () => {
    const wb = buildDefinitionWorkbook(data([measure()]));
    const ws = wb.getWorksheet("指標")!;
    ws.spliceColumns(cols(wb)["計画期間内の累計"], 1);
    const read = readDefinitionWorkbook(await roundTrip(wb), ctx);
    expect(read.issues).toEqual([]);
    expect(read.kpis[0].readsCountsWithinPeriod).toBe(false);
    const checked = checkAgainstPlan(read.kpis, read.years, plan([measure()]));
    expect(checked.issues).toEqual([]);
    expect(checked.plan).toEqual({ changes: [], unchanged: 1, notInFile: [] });
  });

  it("keeps a yearly target's printed text while the number is unchanged", () => {
    const before = measure();
    const typed = { ...before, series: before.series.map((s) => ({ ...s, yearlyTargets: s.yearlyTargets.map((y) => ({ year: y.year, value: y.value, text: null })) })) };
    expect(keepPrinted(typed as never, before).series[0].yearlyTargets).toEqual(before.series[0].yearlyTargets);
  });
});
