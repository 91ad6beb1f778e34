import { describe, expect, it } from "vitest";
import { buildTrend } from "../measures/trend";
import { buildSheetTable, pointText, trendUpTo } from "./sheet-table";

const dec = (s: string) => ({ toString: () => s });
const series = (over: Partial<Parameters<typeof buildTrend>[0][number]> = {}) => ({
  label: "累計",
  unit: "人",
  baselineYear: 2019,
  baselineYearLabel: "R1",
  baselineValue: dec("1027"),
  baselineText: "1,027",
  targetYear: 2023,
  targetValue: dec("1500"),
  targetText: "1,500",
  values: [
    { fiscalYear: 2020, value: dec("1027"), text: "1,027" },
    { fiscalYear: 2021, value: dec("1188"), text: "1,188" },
    { fiscalYear: 2022, value: null, text: "集計中" },
    { fiscalYear: 2023, value: dec("1759"), text: "1,759" },
  ],
  ...over,
});
const plan = { startYear: 2020, endYear: 2023 };

describe("buildSheetTable (the form's value table)", () => {
  it("has 戦略策定時 (R1), one column per plan year and 目標値 (R5), text cells as printed", () => {
    const s = [series()];
    const t = buildSheetTable(buildTrend(s), s, plan, 2023);
    expect(t.baselineYearLabel).toBe("R1");
    expect(t.years.map((y) => y.label)).toEqual(["R2", "R3", "R4", "R5"]);
    expect(t.targetYearLabel).toBe("R5");
    expect(t.rows[0].baseline).toEqual({ text: "1,027", yearNote: null });
    expect(t.rows[0].actuals.map((c) => c?.text)).toEqual(["1,027", "1,188", "集計中", "1,759"]);
    expect(t.rows[0].target?.text).toBe("1,500");
  });

  it("leaves the years after the evaluation year blank (the sheet as it stood then), keeping the columns", () => {
    const s = [series()];
    const trend = trendUpTo(buildTrend(s), 2020);
    const t = buildSheetTable(trend, s, plan, 2020);
    expect(t.years).toHaveLength(4);
    expect(t.rows[0].actuals.map((c) => c?.text ?? null)).toEqual(["1,027", null, null, null]);
    expect(t.rows[0].baseline?.text).toBe("1,027");
    expect(trend.series[0].points.map((p) => p.year)).toEqual([2019, 2020]);
  });

  it("adds an R1 column when the baseline is H30 and R1 has an actual", () => {
    const s = [series({ baselineYear: 2018, baselineYearLabel: "H30", values: [{ fiscalYear: 2019, value: dec("2852"), text: "2,852" }, { fiscalYear: 2020, value: dec("2834"), text: "2,834" }] })];
    const t = buildSheetTable(buildTrend(s), s, plan, 2023);
    expect(t.baselineYearLabel).toBe("H30");
    expect(t.years.map((y) => y.label)).toEqual(["R1", "R2", "R3", "R4", "R5"]);
    expect(t.rows[0].actuals[0]?.text).toBe("2,852");
  });

  it("prints a series' own baseline or target year when it differs from the column's", () => {
    const s = [series(), series({ label: "単年", baselineYear: 2018, baselineYearLabel: "H30", targetYear: 2022 })];
    const t = buildSheetTable(buildTrend(s), s, plan, 2023);
    expect(t.rows[1].baseline?.yearNote).toBe("H30");
    expect(t.rows[1].target?.yearNote).toBe("R4");
    expect(t.rows[0].baseline?.yearNote).toBeNull();
  });

  it("never prints an empty numeric cell as 0", () => {
    const s = [series({ baselineValue: null, baselineText: "－", targetValue: null, targetText: "前年比減" })];
    const t = buildSheetTable(buildTrend(s), s, plan, 2023);
    expect(t.rows[0].baseline?.text).toBe("－");
    expect(t.rows[0].target?.text).toBe("前年比減");
    expect(pointText({ value: null, text: null })).toBe("");
    expect(pointText({ value: 1759, text: null })).toBe("1,759");
  });
});
