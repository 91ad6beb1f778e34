// statuses.csv from statuses computed by the real rules (lib/progress/) on one KPI, under each plan's scale.
import { describe, expect, it } from "vitest";
import { exportStatus, type DatasetExport } from "../export/dataset";
import { measureStatus } from "../measures/measure-status";
import type { ProgressRule, SeriesInput } from "../progress/types";
import { STATUS_COLUMNS, STATUS_LABEL_CODES, STATUS_CODES } from "./columns";
import { buildStatusesCsv, statusRows } from "./statuses-csv";
import { readCsv } from "./machine-readability/read";
import { checkFile } from "./machine-readability/check";
import { STATUSES_CSV_SPEC } from "./machine-readability/plan-files";

// a KPI with two rows: 単年 (baseline 100 in 2019 → target 200 in 2024; actuals 2020 120, 2021 150, 2022 集計中)
// and 累計 (no numbers: cannot be judged)
const single: SeriesInput = {
  label: "単年",
  unit: "人",
  baseline: { year: 2019, value: "100", text: "100" },
  actuals: [
    { year: 2020, value: "120", text: "120" },
    { year: 2021, value: "150", text: "150" },
    { year: 2022, value: null, text: "集計中" },
  ],
  target: { kind: "number", direction: "higher", year: 2024, value: "200", text: "200" },
};
const cumulative: SeriesInput = { label: "累計", unit: "人", baseline: null, actuals: [{ year: 2020, value: null, text: "－" }], target: { kind: "milestone", direction: null, year: 2024, value: null, text: "完了" } };
const unitOf: Record<string, string> = { 単年: "人", 累計: "人" };

function datasetUnder(rule: ProgressRule, official: { year: number; rating: string; reason: string | null } | null = null): DatasetExport {
  const ctx = { rule, planStart: 2020, planEnd: 2024 };
  const statuses = [2020, 2021, 2022].map((y) =>
    exportStatus(y, measureStatus("kpi", [single, cumulative], ctx, y, official?.year === y ? official.rating : null, official?.year === y ? official.reason : null)),
  );
  return {
    organizations: [
      {
        code: "402273",
        name: "嘉麻市",
        plans: [
          {
            slug: "kama-2020",
            name: "第2期 総合戦略",
            progressRule: rule,
            measures: [{ number: "1-1", kind: "kpi", name: "移住者数", series: Object.keys(unitOf).map((label) => ({ label, unit: unitOf[label] })), statuses }],
          },
        ],
      },
    ],
  } as unknown as DatasetExport;
}

function parse(csv: string): Record<string, string>[] {
  const file = readCsv(new TextEncoder().encode(csv));
  const [header, ...rows] = file.sheets[0].rows.map((r) => r.map((c) => (c.kind === "text" ? c.text : c.kind === "number" ? String(c.value) : "")));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

describe("statuses.csv", () => {
  it("has the documented ASCII header and one row per evaluation year × series", () => {
    const csv = buildStatusesCsv(datasetUnder("default"));
    expect(csv.split("\r\n")[0]).toBe("\uFEFF" + STATUS_COLUMNS.map((c) => c.key).join(","));
    const rows = parse(csv);
    expect(rows.map((r) => [r.evaluationYear, r.seriesLabel])).toEqual([
      ["2020", "単年"], ["2020", "累計"], ["2021", "単年"], ["2021", "累計"], ["2022", "単年"], ["2022", "累計"],
    ]);
    expect(rows[0]).toMatchObject({ organizationCode: "402273", planSlug: "kama-2020", progressRule: "default", measureNumber: "1-1", measureKind: "KPI", evaluationYearLabel: "令和2年度" });
  });

  it("a plan under S/A/B/C carries S/A/B/C in statusLabel and measureStatusLabel, never the default rule's words", () => {
    const rows = parse(buildStatusesCsv(datasetUnder("grades")));
    const judged = rows.filter((r) => r.seriesLabel === "単年");
    for (const r of judged) expect(["S", "A", "B", "C"]).toContain(r.statusLabel);
    for (const r of rows) expect(["S", "A", "B", "C", "判定不能"]).toContain(r.measureStatusLabel);
    expect(rows.map((r) => r.statusLabel).join()).not.toMatch(/達成|順調|遅れ|悪化|○|△|×|◎/);
    // 2020: 120 against the straight path's 120 (baseline 100 in 2019 → 200 in 2024) → on the path, rate 20 %
    expect(judged[0]).toMatchObject({ progressRule: "grades", status: "a", statusLabel: "A", rate: "20.0", expectedValue: "120", expectedRate: "100.0", judgedYear: "2020", decidingSeries: "true" });
    expect(rows[1]).toMatchObject({ seriesLabel: "累計", status: "not_judgeable", statusLabel: "判定不能", rate: "", decidingSeries: "false" });
  });

  it("uses each plan's own scale: ○△× under 嘉麻市方式, ◎○△× and 達成/順調/やや遅れ/遅れ under theirs", () => {
    const labels = (rule: ProgressRule) => new Set(parse(buildStatusesCsv(datasetUnder(rule))).filter((r) => r.seriesLabel === "単年").map((r) => r.statusLabel));
    for (const l of labels("kama")) expect(["○", "△", "×"]).toContain(l);
    for (const l of labels("marks")) expect(["◎", "○", "△", "×"]).toContain(l);
    for (const l of labels("expected")) expect(["達成", "順調", "やや遅れ", "遅れ"]).toContain(l);
  });

  it("a late figure: 2022 is judged on 2021's actual and says why; the rate is a number, blank is not 0", () => {
    const r2022 = parse(buildStatusesCsv(datasetUnder("default"))).find((r) => r.evaluationYear === "2022" && r.seriesLabel === "単年")!;
    expect(r2022.judgedYear).toBe("2021");
    expect(r2022.pendingNote).toContain("令和3年度の実績で判定");
    expect(r2022.pendingNote).toContain("集計中");
    expect(r2022.rate).toBe("50.0");
  });

  it("the 見込み (projection) goes only in the projection columns, marked as such", () => {
    const rows = parse(buildStatusesCsv(datasetUnder("default")));
    const r2021 = rows.find((r) => r.evaluationYear === "2021" && r.seriesLabel === "単年")!;
    // a line through (2020, 120) and (2021, 150) reaches 240 in 2024
    expect([r2021.projectionYear, r2021.projectionValue, r2021.projectionPoints, r2021.unit]).toEqual(["2024", "240", "2", "人"]);
    expect(r2021.projectionText).toContain("見込み");
    expect(rows.find((r) => r.evaluationYear === "2020" && r.seriesLabel === "単年")!.projectionValue).toBe(""); // one point: no projection
    const col = STATUS_COLUMNS.find((c) => c.key === "projectionValue")!;
    expect(col.title).toContain("実績ではない");
    expect(col.description).toContain("実績値ではなく");
  });

  it("the official rating of the measure repeats on its series' rows, with whether it agrees and the reason", () => {
    const rows = parse(buildStatusesCsv(datasetUnder("grades", { year: 2021, rating: "B", reason: "事業が年度末に完了したため" })));
    const y2021 = rows.filter((r) => r.evaluationYear === "2021");
    expect(y2021).toHaveLength(2);
    for (const r of y2021) expect(r).toMatchObject({ officialRating: "B", officialAgrees: "false", officialReason: "事業が年度末に完了したため" });
    for (const r of rows.filter((r) => r.evaluationYear !== "2021")) expect([r.officialRating, r.officialAgrees, r.officialReason]).toEqual(["", "", ""]);
  });

  it("passes every machine-readability rule a program checks, for each rule's scale", () => {
    for (const rule of ["default", "kama", "grades", "marks", "expected"] as const) {
      const results = checkFile(readCsv(new TextEncoder().encode(buildStatusesCsv(datasetUnder(rule, { year: 2021, rating: "○", reason: null })))), STATUSES_CSV_SPEC);
      expect(results.filter((r) => r.status === "fail"), rule).toEqual([]);
    }
  });

  it("its code tables cover every status code and mark; explanations are one line", () => {
    expect(STATUS_CODES.map((c) => c.code)).toContain("s");
    expect(STATUS_LABEL_CODES.map((c) => c.code)).toEqual(expect.arrayContaining(["S", "A", "B", "C", "◎", "○", "△", "×", "達成", "概ね順調", "順調", "やや遅れ", "遅れ", "悪化", "判定不能"]));
    const data = datasetUnder("default");
    (data.organizations[0].plans[0].measures[0].statuses[0].series[0] as { explanation: string }).explanation = "1 行目\n2 行目";
    expect(statusRows(data)[0].explanation).toBe("1 行目\n2 行目");
    expect(parse(buildStatusesCsv(data))[0].explanation).toBe("1 行目 2 行目");
  });
});
