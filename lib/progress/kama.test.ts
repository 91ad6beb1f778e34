// Every KPI of 嘉麻市's 第2期 plan, from the real seed files: the computed 比較値 must equal the printed one, and the
// computed ○/△/× must equal the printed official mark (milestone targets have only the official mark).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSeedFiles } from "../seeds/read-seed-files";
import { evaluateMeasure, evaluateSeries } from "./evaluate";
import { measureSeriesFromSeed, officialRatingFromSeed } from "./from-seed";

const EVALUATION_YEAR = 2024;
const bundle = readSeedFiles(path.resolve("seeds")).plans.find((p) => p.plan.slug === "kama-2020");
const kpis = (bundle?.measures ?? []).map((m) => m.measure).filter((m) => m.kind === "kpi");
const rows = kpis.map((m) => [m.no, m] as const);

describe("嘉麻市 第2期 (kama-2020) KPIs, evaluated for 令和6年度", () => {
  it("has the plan and its 16 KPIs under the kama rule", () => {
    expect(bundle?.plan.progressRule).toBe("kama");
    expect(kpis).toHaveLength(16);
  });

  it.each(rows)("No %s: computed 比較値 equals the printed one", (_no, measure) => {
    for (const input of measureSeriesFromSeed(measure)) {
      if (input.target?.kind === "milestone" || input.target?.value == null) continue;
      const r = evaluateSeries(input, "kama", EVALUATION_YEAR);
      expect(input.comparison, `${input.label}: printed comparison`).toBeTruthy();
      expect(r.comparisonMatchesPrinted, `${input.label}: ${r.explanation}`).toBe(true);
      if (input.comparison?.value != null) expect(r.computedComparison).not.toBeNull();
    }
  });

  it.each(rows)("No %s: computed mark equals the official one (milestones: 判定不能)", (_no, measure) => {
    const official = officialRatingFromSeed(measure, EVALUATION_YEAR);
    expect(official).toBe(measure.officialRatings[0]?.rating);
    const series = measureSeriesFromSeed(measure);
    const m = evaluateMeasure(series, "kama", EVALUATION_YEAR, official);
    if (series.every((s) => s.target?.kind === "milestone")) {
      expect(m.status).toBe("not_judgeable");
      expect(m.series.every((s) => /公式の評価のみ/.test(s.explanation))).toBe(true);
      expect(m.official).toEqual({ rating: official, agrees: null, reason: null });
    } else {
      expect(m.statusLabel, m.series.map((s) => s.explanation).join(" / ")).toBe(official);
      expect(m.official).toEqual({ rating: official, agrees: true, reason: null });
    }
  });

  it("shows its working the way the document does", () => {
    const byNo = new Map(kpis.map((m) => [m.no, m]));
    const explain = (no: string) => evaluateSeries(measureSeriesFromSeed(byNo.get(no)!)[0], "kama", EVALUATION_YEAR);
    expect(explain("1-1")).toMatchObject({
      status: "good",
      rate: "126.7",
      computedComparison: "19",
      explanation: "比較値 19 = 2 + 5 + 1 + 5 + 6（合計）÷ 目標 15 = 126.7%",
    });
    expect(explain("2-1")).toMatchObject({ status: "fair", rate: "26.0", computedComparison: "13" });
    expect(explain("2-1").explanation).toBe("比較値 13（令和6年度実績）÷ 目標 50 = 26.0%");
    expect(explain("3-1")).toMatchObject({ status: "poor", rate: null, computedComparison: null });
    expect(explain("4-3")).toMatchObject({ status: "fair", rate: "34.3", computedComparison: "34.26" });
  });
});
