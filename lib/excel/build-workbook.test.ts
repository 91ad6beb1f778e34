import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { buildPlanWorkbook, workbookFileName, type ExportData } from "./build-workbook";
import { attachmentDisposition } from "./export";
import { KEY_NUMBER, KEY_SERIES, SHEET_ABOUT, SHEET_NARRATIVES, SHEET_VALUES, VERSION_HEADER } from "./layout";

const data: ExportData = {
  organization: { code: "430005", name: "熊本県", license: "PDL1.0" },
  plan: { slug: "kumamoto-2020", name: "第2期 熊本県まち・ひと・しごと創生総合戦略", startYear: 2020, endYear: 2023 },
  department: { id: "u-shoko", name: "商工労働部" },
  statusYear: 2023,
  versionYear: 2023,
  years: [2019, 2020, 2021, 2022, 2023],
  generatedAt: new Date("2024-06-01T00:00:00Z"),
  measures: [
    {
      number: "15",
      name: "製造品出荷額",
      departments: "商工労働部",
      divisions: "商工政策課・産業支援課",
      statusLabel: "遅れ", statusNote: null,
      version: 3,
      series: [
        {
          label: "単年",
          unit: "億円",
          baselineYear: "R1（2019）",
          baseline: { value: "28000", text: "28,000" },
          actuals: new Map([
            [2020, { value: "-1833", text: "▲ 1,833" }],
            [2022, { value: null, text: "集計中" }],
            [2023, { value: "36123", text: "36,123", note: "時点：速報" }],
          ]),
          target: { value: "44000", text: "44,000" },
          targetYear: "R5（2023）",
        },
      ],
      narratives: [{ evaluationYear: 2023, effortStatus: "設備投資を後押しした。", issues: "人手不足", direction: "続ける", version: 3 }],
    },
  ],
};

async function readBack() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildPlanWorkbook(data).xlsx.writeBuffer()) as ArrayBuffer);
  return wb;
}

describe("buildPlanWorkbook", () => {
  it("writes the 指標 sheet: Japanese headers, a column per fiscal year, the version, visible keys", async () => {
    const ws = (await readBack()).getWorksheet(SHEET_VALUES)!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      "No", "指標名", "担当部局", "担当課", "区分", "単位", "基準値年度", "基準値",
      "R1実績値（2019）", "R2実績値（2020）", "R3実績値（2021）", "R4実績値（2022）", "R5実績値（2023）",
      "目標値", "目標年度", "進捗状況", "判定の注記", VERSION_HEADER, KEY_NUMBER, KEY_SERIES,
    ]);
    expect(ws.getCell(1, 18).note).toMatch(/^書き出したとき（2024\/6\/1 9:00:00）の令和5年度（2023）のシートの版/);
    const row = ws.getRow(2);
    expect(row.values).toEqual([undefined, "15", "製造品出荷額", "商工労働部", "商工政策課・産業支援課", "単年", "億円", "R1（2019）", 28000, undefined, -1833, undefined, "集計中", 36123, 44000, "R5（2023）", "遅れ", undefined, 3, "15", "単年"]);
  });

  it("numbers are number cells printed as the sheet printed them; text cells are strings, never 0", async () => {
    const ws = (await readBack()).getWorksheet(SHEET_VALUES)!;
    const r2 = ws.getCell(2, 10);
    expect(r2.type).toBe(ExcelJS.ValueType.Number);
    expect(r2.numFmt).toBe('#,##0;"▲ "#,##0');
    const r4 = ws.getCell(2, 12);
    expect(r4.type).toBe(ExcelJS.ValueType.String);
    expect(r4.value).toBe("集計中");
    const r5 = ws.getCell(2, 13);
    expect(r5.type).toBe(ExcelJS.ValueType.Number);
    expect(r5.numFmt).toBe("#,##0");
    expect(r5.note).toBe("時点：速報");
  });

  it("writes the published narratives in 記述 and what the file is in 説明", async () => {
    const wb = await readBack();
    const narratives = wb.getWorksheet(SHEET_NARRATIVES)!;
    expect(narratives.getRow(1).values).toEqual([undefined, "No", "指標名", "担当部局", "担当課", "評価年度", "取組状況", "課題等", "今後の方向性", "版"]);
    expect(narratives.getRow(2).values).toEqual([undefined, "15", "製造品出荷額", "商工労働部", "商工政策課・産業支援課", "令和5年度（2023）", "設備投資を後押しした。", "人手不足", "続ける", 3]);
    const about = wb.getWorksheet(SHEET_ABOUT)!;
    const rows = new Map<string, unknown>();
    about.eachRow((r) => rows.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(rows.get("団体コード")).toBe("430005");
    expect(rows.get("計画コード")).toBe("kumamoto-2020");
    expect(rows.get("部局")).toBe("商工労働部");
    expect(rows.get("進捗状況の評価年度")).toBe("令和5年度（2023）");
    expect(rows.get("版の評価年度")).toBe("令和5年度（2023）");
    expect(rows.get("書き出し日時")).toBe("2024/6/1 9:00:00");
    expect(String(rows.get("空欄と削除"))).toContain("（削除）");
  });

  it("prints every sheet on A4, fitted to the page width, header row repeated; hides no column", async () => {
    const wb = await readBack();
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      ws.columns.forEach((c) => expect(c.hidden, `${ws.name} column ${c.number}`).toBeFalsy());
    }
    expect(wb.getWorksheet(SHEET_VALUES)!.pageSetup).toMatchObject({ orientation: "landscape", printTitlesRow: "1:1" });
    expect(wb.getWorksheet(SHEET_NARRATIVES)!.pageSetup).toMatchObject({ orientation: "landscape", printTitlesRow: "1:1" });
  });

  it("names the file in Japanese, and the header carries it per RFC 5987", () => {
    expect(workbookFileName(data)).toBe("熊本県_第2期 熊本県まち・ひと・しごと創生総合戦略_商工労働部.xlsx");
    expect(workbookFileName({ ...data, department: null, plan: { ...data.plan, name: 'a/b:c*"d' } })).toBe("熊本県_a_b_c__d.xlsx");
    const header = attachmentDisposition("熊本県_計画 (案).xlsx", "kpi-430005.xlsx");
    expect(header).toBe(`attachment; filename="kpi-430005.xlsx"; filename*=UTF-8''${encodeURIComponent("熊本県_計画 ").replace(/'/g, "%27")}%28${encodeURIComponent("案")}%29.xlsx`);
    expect(decodeURIComponent(header.split("''")[1])).toBe("熊本県_計画 (案).xlsx");
  });
});
