import { describe, expect, it } from "vitest";
import type { DatasetExport } from "../export/dataset";
import { VALUE_COLUMNS, NARRATIVE_COLUMNS } from "./columns";
import { buildValuesCsv, valueRows, ownersText } from "./values-csv";
import { buildNarrativesCsv, narrativeLines, narrativeRows } from "./narratives-csv";

const y = (fiscalYear: number, label: string) => ({ fiscalYear, fiscalYearLabel: label });
const cell = (fiscalYear: number, label: string, value: number | null, text: string, extra: Record<string, unknown> = {}) => ({
  ...y(fiscalYear, label), value, text, cellLabel: null, period: null, asOf: null, note: null, ...extra,
});

// the export shape of one organisation with one plan and two measures (only the fields the CSVs read)
const dataset = {
  format: "kpi-dashboard/dataset",
  version: 1,
  organizations: [{
    code: "430005", name: "熊本県", nameEn: null, kind: "prefecture", prefectureCode: null, license: "PDL1.0",
    plans: [{
      slug: "kumamoto-2020", name: "第2期 戦略",
      measures: [
        {
          number: "6", kind: "kpi", name: "防災士の資格取得者数",
          owners: [{ department: "知事公室", division: "危機管理防災課" }, { department: "教育庁", division: null }],
          series: [{
            label: "累計", unit: "人",
            baseline: { ...y(2019, "令和元年度"), printedYearLabel: "R1", value: 1027, text: "1,027", cellLabel: null, period: null },
            target: { kind: "number", direction: "higher", ...y(2023, "令和5年度"), value: 1500, text: "1,500", periodStart: null, periodEnd: null },
            actuals: [cell(2020, "令和2年度", 1200, "1,200", { cellLabel: "(R2)" }), cell(2021, "令和3年度", null, "集計中"), cell(2022, "令和4年度", 0, "0")],
            targetPath: [], estimates: [], comparison: null, countsWithinPeriod: false, chartLabels: [],
          }],
          sheets: [{
            evaluationYear: 2023, evaluationYearLabel: "令和5年度",
            effortStatus: "講座を開催した。\n・県内 3 か所\n・延べ 200 人、うち\"女性\" 80 人\n", issues: null, direction: "", provenance: null,
          }],
        },
        {
          number: "追加1", kind: "goal", name: "創業者数",
          owners: [],
          series: [{
            label: "単年", unit: "件", baseline: null,
            target: { kind: "period_total", direction: "higher", fiscalYear: null, fiscalYearLabel: null, value: 40, text: "5年間に40件", periodStart: 2020, periodEnd: 2024 },
            actuals: [cell(2020, "令和2年度", 2, "2", { note: "速報\n値" })],
            targetPath: [cell(2021, "令和3年度", 10, "10")], estimates: [cell(2030, "令和12年度", -1305, "△1,305")],
            comparison: { aggregation: "sum", value: 19, text: "19" }, countsWithinPeriod: false, chartLabels: [],
          }],
          sheets: [],
        },
      ],
    }],
  }],
} as unknown as DatasetExport;

/** RFC 4180 reader for these tests: quoted fields, doubled quotes, CRLF records. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = "", quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && csv[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  return rows;
}

describe("values.csv", () => {
  const csv = buildValuesCsv(dataset);
  const [header, ...rows] = parse(csv.replace(/^\uFEFF/, ""));
  // columns are named by their Japanese title here, as the schema gives it; the header holds the ASCII names
  const at = (r: string[], title: string) => r[header.indexOf(VALUE_COLUMNS.find((c) => c.title === title)!.key)];

  it("has the documented header and one row per value, in long layout", () => {
    expect(csv.startsWith("\uFEFForganizationCode,organizationName,planSlug,")).toBe(true);
    expect(header).toEqual(VALUE_COLUMNS.map((c) => c.key));
    for (const h of header) expect(h).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
    expect(rows.map((r) => [at(r, "指標番号"), at(r, "値の区分"), at(r, "年度（西暦）")])).toEqual([
      ["6", "基準値", "2019"],
      ["6", "実績値", "2020"],
      ["6", "実績値", "2021"],
      ["6", "実績値", "2022"],
      ["6", "目標値", "2023"],
      ["追加1", "実績値", "2020"],
      ["追加1", "目標値", "2024"],
      ["追加1", "年度別目標値", "2021"],
      ["追加1", "推計値", "2030"],
      ["追加1", "実績値（目標値比較）", "2020"], // the year of the latest actual it compares
    ]);
    for (const r of rows) expect(r).toHaveLength(header.length);
  });

  it("keeps the number, unit and printed text apart; a text cell has no number, 0 stays 0", () => {
    const [baseline, r2, r3, r4, target] = rows;
    expect([at(baseline, "数値"), at(baseline, "単位"), at(baseline, "表示値"), at(baseline, "年度の表記"), at(baseline, "年度（和暦）")]).toEqual(["1027", "人", "1,027", "R1", "令和元年度"]);
    expect([at(r2, "数値"), at(r2, "注記")]).toEqual(["1200", "(R2)"]);
    expect([at(r3, "数値"), at(r3, "表示値"), at(r3, "数値の有無")]).toEqual(["", "集計中", "pending"]);
    expect(at(r2, "数値の有無")).toBe("number");
    expect(at(r4, "数値")).toBe("0");
    expect([at(target, "目標の種類"), at(target, "目標の方向")]).toEqual(["数値", "増加"]);
    expect(at(rows[0], "全国地方公共団体コード")).toBe("430005");
    expect(at(rows[0], "指標の種類")).toBe("KPI");
    expect(at(rows[0], "担当部署")).toBe("知事公室／危機管理防災課；教育庁");
  });

  it("writes period targets, estimates and Kama's comparison value", () => {
    const kama = rows.filter((r) => at(r, "指標番号") === "追加1");
    expect(at(kama[0], "備考")).toBe("速報 値"); // no line break inside a value
    expect([at(kama[1], "目標の種類"), at(kama[1], "目標期間の開始年度"), at(kama[1], "目標期間の終了年度"), at(kama[1], "表示値")]).toEqual(["期間合計", "2020", "2024", "5年間に40件"]);
    expect(at(kama[3], "数値")).toBe("-1305");
    expect([at(kama[4], "数値"), at(kama[4], "集計方法")]).toEqual(["19", "合計"]);
    expect(at(kama[0], "指標の種類")).toBe("基本目標");
  });

  it("has no line break inside any record and ends every record with CRLF", () => {
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n").slice(0, -1).every((line) => !/[\r\n]/.test(line))).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(valueRows(dataset).length + 2);
  });

  it("joins owners as 部局／課 separated by ；", () => {
    expect(ownersText([])).toBe("");
  });
});

describe("narratives.csv", () => {
  const csv = buildNarrativesCsv(dataset);
  const [header, ...rows] = parse(csv.replace(/^\uFEFF/, ""));

  it("writes one row per line of a published narrative, numbered, without line breaks", () => {
    expect(header).toEqual(NARRATIVE_COLUMNS.map((c) => c.key));
    expect(rows).toEqual([
      ["430005", "熊本県", "kumamoto-2020", "第2期 戦略", "6", "防災士の資格取得者数", "2023", "令和5年度", "取組状況", "1", "講座を開催した。"],
      ["430005", "熊本県", "kumamoto-2020", "第2期 戦略", "6", "防災士の資格取得者数", "2023", "令和5年度", "取組状況", "2", "・県内 3 か所"],
      ["430005", "熊本県", "kumamoto-2020", "第2期 戦略", "6", "防災士の資格取得者数", "2023", "令和5年度", "取組状況", "3", '・延べ 200 人、うち"女性" 80 人'],
    ]);
    expect(narrativeRows(dataset)).toHaveLength(3);
    expect(csv.split("\r\n").slice(0, -1).every((line) => !/[\r\n]/.test(line))).toBe(true);
  });

  it("splits on any line break and drops blank lines", () => {
    expect(narrativeLines("a\r\nb\n\n  \nc\n")).toEqual(["a", "b", "c"]);
    expect(narrativeLines(null)).toEqual([]);
  });
});

describe("dates, periods and the missing-value convention", () => {
  const withDates = structuredClone(dataset) as unknown as { organizations: { plans: { measures: { series: { actuals: Record<string, unknown>[] }[] }[] }[] }[] };
  const actuals = withDates.organizations[0].plans[0].measures[0].series[0].actuals;
  actuals[0].period = "平成27年⇒令和2年";
  actuals[0].asOf = "令和8年1月末時点";
  actuals[1].text = "－";
  actuals[2].text = "①完了　　Ⅱ期 ";
  const [header, ...rows] = parse(buildValuesCsv(withDates as unknown as DatasetExport).replace(/^\uFEFF/, ""));
  const at = (r: string[], key: string) => r[header.indexOf(key)];
  it("writes ISO 8601 beside the era text", () => {
    expect([at(rows[1], "period"), at(rows[1], "periodStart"), at(rows[1], "periodEnd"), at(rows[1], "asOf"), at(rows[1], "asOfDate")]).toEqual(["平成27年⇒令和2年", "2015", "2020", "令和8年1月末時点", "2026-01-31"]);
    expect([at(rows[2], "periodStart"), at(rows[2], "asOfDate")]).toEqual(["", ""]);
  });
  it("says why a value is missing, whatever dash was printed, and keeps the printed text", () => {
    expect([at(rows[2], "value"), at(rows[2], "valueStatus"), at(rows[2], "text")]).toEqual(["", "not_applicable", "－"]);
  });
  it("replaces platform-dependent characters and layout spaces in text cells", () => {
    expect(at(rows[3], "text")).toBe("(1)完了　II期");
  });
});
