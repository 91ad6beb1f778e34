// The rule presets at each threshold, the expected path in every year (with and without yearly targets), period
// totals, projections and late statistics; and a property: every explanation's numbers recompute its status.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePrintedNumber } from "../values/printed-number";
import { evaluateMeasure, evaluateSeries, officialScale } from "./evaluate";
import { Dec } from "./explain";
import { expectedValue } from "./path";
import { projectSeries } from "./projection";
import { describeRule, ruleSettings } from "./settings";
import type { ProgressRule, RuleContext, SeriesInput, StatusCode } from "./types";

type Printed = Record<number, string>;
const cells = (printed: Printed) => Object.entries(printed).map(([y, text]) => ({ year: Number(y), value: parsePrintedNumber(text), text }));

function series(o: {
  actuals: Printed;
  target: string;
  targetYear?: number;
  baseline?: string | null;
  baselineYear?: number;
  direction?: "higher" | "lower";
  within?: boolean;
  yearly?: Printed;
  unit?: string;
}): SeriesInput {
  return {
    label: "単年",
    unit: o.unit ?? null,
    baseline: o.baseline == null ? null : { year: o.baselineYear ?? 2019, value: parsePrintedNumber(o.baseline), text: o.baseline },
    actuals: cells(o.actuals),
    target: { kind: "number", direction: o.direction ?? "higher", year: o.targetYear ?? 2023, value: parsePrintedNumber(o.target), text: o.target },
    countsWithinPeriod: o.within,
    yearlyTargets: o.yearly ? cells(o.yearly) : undefined,
  };
}

const ctx = (rule: ProgressRule, settings?: unknown): RuleContext => ({ rule, settings, planStart: 2020, planEnd: 2023 });
// final-year judgements: baseline 100 (R1), target 200 (R5), the actual decides the rate exactly
const final = (actual: string) => series({ actuals: { 2023: actual }, baseline: "100", target: "200" });

describe("presets at each threshold (final year, baseline 100 → target 200)", () => {
  it.each<[ProgressRule, string, StatusCode]>([
    ["default", "200", "achieved"], ["default", "180", "on_track"], ["default", "179.99", "behind"], ["default", "100.01", "behind"], ["default", "100", "worse"], ["default", "90", "worse"],
    ["grades", "200", "s"], ["grades", "180", "a"], ["grades", "179.99", "b"], ["grades", "100.01", "b"], ["grades", "100", "c"], ["grades", "50", "c"],
    ["marks", "250", "excellent"], ["marks", "180", "good"], ["marks", "179.99", "fair"], ["marks", "100.01", "fair"], ["marks", "100", "poor"],
    ["expected", "200", "achieved"], ["expected", "199.99", "slightly_behind"], ["expected", "180", "slightly_behind"], ["expected", "179.99", "behind"], ["expected", "0", "behind"],
    ["kama", "160", "good"], ["kama", "159.99", "fair"], ["kama", "0", "fair"],
  ])("%s: actual %s → %s", (rule, actual, status) => {
    expect(evaluateSeries(final(actual), ctx(rule), 2023).status).toBe(status);
  });

  it.each<[ProgressRule, Record<string, number>, string, StatusCode]>([
    ["grades", { a: 50, b: 20 }, "150", "a"],
    ["grades", { a: 50, b: 20 }, "149.99", "b"],
    ["grades", { a: 50, b: 20 }, "120", "c"],
    ["grades", { a: 50, b: 20 }, "120.01", "b"],
    ["marks", { good: 70, fair: 30 }, "170", "good"],
    ["marks", { good: 70, fair: 30 }, "130", "poor"],
    ["marks", { good: 70, fair: 30 }, "130.01", "fair"],
    ["default", { onTrack: 90 }, "189.99", "behind"],
    ["default", { onTrack: 90 }, "190", "on_track"],
    ["expected", { nearly: 50 }, "150", "slightly_behind"],
    ["expected", { nearly: 50 }, "149.99", "behind"],
    ["kama", { good: 90 }, "179.99", "fair"],
    ["kama", { good: 90 }, "180", "good"],
  ])("%s with %o: actual %s → %s", (rule, settings, actual, status) => {
    expect(evaluateSeries(final(actual), ctx(rule, settings), 2023).status).toBe(status);
  });

  it("lower-is-better targets, both directions", () => {
    const lower = (actual: string) => series({ actuals: { 2023: actual }, baseline: "100", target: "50", direction: "lower" });
    expect(evaluateSeries(lower("50"), ctx("grades"), 2023).status).toBe("s");
    expect(evaluateSeries(lower("60"), ctx("grades"), 2023).status).toBe("a");
    expect(evaluateSeries(lower("99"), ctx("marks"), 2023).status).toBe("fair");
    expect(evaluateSeries(lower("101"), ctx("marks"), 2023).status).toBe("poor");
  });

  it("settings that do not parse fall back to the defaults; each rule states its thresholds in words", () => {
    expect(ruleSettings("grades", { a: "abc" })).toMatchObject({ rule: "grades", a: 80, b: 0 });
    expect(ruleSettings("marks", null)).toMatchObject({ good: 80, fair: 0, expectedPath: true });
    expect(describeRule(ruleSettings("grades", { a: 60 })).join("")).toContain("60%以上で「A」");
    expect(describeRule(ruleSettings("expected", { yearlyShare: 25 })).join("")).toContain("25%ずつ");
    expect(describeRule(ruleSettings("kama")).join("")).toContain("80%以上で「○」");
  });

  it("official ratings are chosen from the rule's scale", () => {
    expect(officialScale("grades")).toEqual(["S", "A", "B", "C", "未達成"]);
    expect(officialScale("marks")).toEqual(["◎", "○", "△", "×", "未達成"]);
    expect(officialScale("kama")).toEqual(["○", "△", "×"]);
    const m = evaluateMeasure([final("180")], ctx("grades"), 2023, "Ａ", null);
    expect(m.official).toEqual({ rating: "Ａ", agrees: true, reason: null });
    expect(evaluateMeasure([final("180")], ctx("grades"), 2023, "S", "県全体の伸びを評価").official).toEqual({ rating: "S", agrees: false, reason: "県全体の伸びを評価" });
  });
});

describe("the expected path for intermediate years (baseline 100 in R1 → target 200 in R5)", () => {
  const s = (actuals: Printed, yearly?: Printed) => series({ actuals, baseline: "100", target: "200", yearly });
  it.each<[number, string]>([[2020, "125"], [2021, "150"], [2022, "175"]])("straight: %i expects %s", (year, value) => {
    expect(expectedValue(s({}), year, ruleSettings("default"), ctx("default"))?.value).toBe(value);
  });
  it("the target year and later are judged against the target itself", () => {
    expect(expectedValue(s({}), 2023, ruleSettings("default"), ctx("default"))).toBeNull();
    expect(evaluateSeries(s({ 2023: "190" }), ctx("default"), 2023).explanation).toMatch(/^進捗率 90.0% =/);
  });
  it("a KPI exactly on its path in year 1 of 4 is on course, not behind", () => {
    const r = evaluateSeries(s({ 2020: "125" }), ctx("default"), 2020);
    expect(r).toMatchObject({ status: "on_track", rate: "25.0", expected: { year: 2020, value: "125", rate: "100.0" } });
    expect(r.explanation).toBe(
      "見込み比 100.0% = (125 − 100) ÷ (125 − 100)（令和2年度の見込み値 125 に対し実績 125・見込み値 = 100 + (200 − 100) × 1/4（令和元年度の基準値から令和5年度の目標値へ）・令和2年度実績）・目標に対する進捗率 25.0% = (125 − 100) ÷ (200 − 100)",
    );
    expect(evaluateSeries(s({ 2020: "125" }), ctx("expected"), 2020).status).toBe("on_course");
    expect(evaluateSeries(s({ 2020: "125" }), ctx("grades"), 2020).status).toBe("a");
  });
  it("yearly targets, where the plan sets them, are the path", () => {
    const withYearly = s({ 2021: "140" }, { 2021: "140", 2022: "170" });
    expect(expectedValue(withYearly, 2021, ruleSettings("default"), ctx("default"))).toMatchObject({ value: "140" });
    expect(expectedValue(withYearly, 2020, ruleSettings("default"), ctx("default"))).toMatchObject({ value: "125" });
    const r = evaluateSeries(withYearly, ctx("default"), 2021);
    expect(r.expected).toEqual({ year: 2021, value: "140", rate: "100.0" });
    expect(r.explanation).toContain("見込み値 = 令和3年度の目標値（年度別の目標）");
  });
  it("the expected-share rule expects its share each year, up to the target", () => {
    const five = series({ actuals: { 2021: "140" }, baseline: "100", baselineYear: 2019, target: "200", targetYear: 2024 });
    const settings = ruleSettings("expected", { yearlyShare: 20 });
    expect(expectedValue(five, 2021, settings, ctx("expected"))?.value).toBe("140");
    expect(evaluateSeries(five, ctx("expected", { yearlyShare: 20 }), 2021).status).toBe("on_course");
    expect(evaluateSeries(five, ctx("expected", { yearlyShare: 30 }), 2021).status).toBe("behind"); // 40 of 60 expected: 66.7 %
    const fast = ruleSettings("expected", { yearlyShare: 50 });
    expect(expectedValue(five, 2022, fast, ctx("expected"))?.value).toBe("200"); // capped at the target
  });
  it("without a baseline there is no path: the target itself is the measure", () => {
    const r = evaluateSeries(series({ actuals: { 2021: "50" }, target: "100" }), ctx("default"), 2021);
    expect(r.expected).toBeUndefined();
    expect(r.explanation).toBe("進捗率 50.0% = 50 ÷ 100（令和3年度実績・基準値なし）");
  });
  it("a plan can turn the path off (every year against the final target)", () => {
    expect(evaluateSeries(s({ 2020: "125" }), ctx("default", { expectedPath: false }), 2020).status).toBe("behind");
  });
  it("嘉麻市's rule compares with the final target in every year, as its document does", () => {
    expect(evaluateSeries(s({ 2020: "125" }), ctx("kama"), 2020).status).toBe("fair");
  });
  it("rounds the expected value to two more decimals and computes the rate from the rounded value", () => {
    const third = series({ actuals: { 2020: "40" }, baseline: "0", baselineYear: 2019, target: "100", targetYear: 2022 });
    const r = evaluateSeries(third, ctx("default"), 2020);
    expect(r.expected).toEqual({ year: 2020, value: "33.33", rate: percent(new Dec(40).div("33.33")) });
    expect(r.explanation).toContain("小数第2位まで");
  });
});

const percent = (d: Dec) => d.times(100).toDecimalPlaces(1).toFixed(1);

describe("period totals (熊本県 No 5 累計: 件/4年, baseline 62 = the previous period's total, target 65)", () => {
  const no5 = series({ actuals: { 2020: "31", 2021: "57", 2022: "77", 2023: "101" }, baseline: "62", target: "65", within: true, unit: "件/4年" });
  it("R2 (year 1 of 4): on course against 65 × 1/4, never 悪化 against the old total", () => {
    const r = evaluateSeries(no5, ctx("default"), 2020);
    expect(r).toMatchObject({ status: "on_track", rate: "47.7", expected: { year: 2020, value: "16.25", rate: "190.8" } });
    expect(r.explanation).toBe(
      "見込み比 190.8% = 31 ÷ 16.25（令和2年度の見込み値 16.25 に対し実績 31・見込み値 = 65 × 1/4（期間内の累計・令和2年度から）・令和2年度実績（期間内の累計）・基準値 62 は前期間の合計のため使わない）・目標に対する進捗率 47.7% = 31 ÷ 65",
    );
  });
  it("R5: 達成, rate = actual ÷ target", () => {
    const r = evaluateSeries(no5, ctx("default"), 2023);
    expect(r).toMatchObject({ status: "achieved", rate: percent(new Dec(101).div(65)) });
    expect(r.explanation).toBe("目標達成：101 ≥ 65（令和5年度実績（期間内の累計）・基準値 62 は前期間の合計のため使わない）");
  });
  it("behind its path in R3", () => {
    const slow = series({ actuals: { 2020: "10", 2021: "20" }, baseline: "62", target: "65", within: true });
    expect(evaluateSeries(slow, ctx("default"), 2021)).toMatchObject({ status: "behind", expected: { value: "32.5", rate: "61.5" } });
  });
  it("without the mark the old reading returns (the baseline taken as a starting point)", () => {
    expect(evaluateSeries({ ...no5, countsWithinPeriod: false }, ctx("default", { expectedPath: false }), 2020).status).toBe("worse");
  });
});

describe("projection", () => {
  it("a least-squares line through the plan period's actuals, read at the target year", () => {
    const s = series({ actuals: { 2019: "999", 2020: "10", 2021: "20", 2022: "28" }, baseline: "0", target: "65", unit: "件" });
    const p = projectSeries(s, 2022, ctx("default"));
    // x = 2020..2022, y = 10, 20, 28: slope 9, mean 19.33 at 2021 → 2023: 19.333 + 9 × 2 = 37.3 → 37 (integers)
    expect(p).toMatchObject({ year: 2023, value: "37", points: 3 });
    expect(p?.text).toBe("このままでは令和5年度に 37 件の見込み（目標 65 件・目標に届かない見込み。令和2年度〜令和4年度の実績3点からの直線の見込み）");
  });
  it("needs at least two numeric actuals; text cells are not points", () => {
    expect(projectSeries(series({ actuals: { 2020: "10", 2021: "集計中" }, target: "65" }), 2021, ctx("default"))).toBeNull();
    expect(projectSeries(series({ actuals: {}, target: "65" }), 2021, ctx("default"))).toBeNull();
  });
  it("none once the target year has an actual; a falling KPI projects down", () => {
    expect(projectSeries(series({ actuals: { 2020: "1", 2023: "2" }, target: "5" }), 2023, ctx("default"))).toBeNull();
    const down = projectSeries(series({ actuals: { 2020: "100.0", 2021: "90.0" }, target: "60.0", direction: "lower" }), 2021, ctx("default"));
    expect(down).toMatchObject({ value: "70.0" });
    expect(down?.text).toContain("目標に届かない見込み");
  });
  it("is attached to the series status, never to the actuals", () => {
    const s = series({ actuals: { 2020: "10", 2021: "20" }, baseline: "0", target: "40" });
    const r = evaluateSeries(s, ctx("default"), 2021);
    expect(r.projection?.value).toBe("40");
    expect(s.actuals.map((c) => c.year)).toEqual([2020, 2021]);
  });
});

describe("late statistics", () => {
  it("says which year was judged and that a later figure is pending", () => {
    const s = series({ actuals: { 2021: "150", 2022: "集計中" }, baseline: "100", target: "200" });
    const r = evaluateSeries(s, ctx("default"), 2022);
    expect(r.evaluatedYear).toBe(2021);
    expect(r.pending).toEqual({ judgedYear: 2021, evaluationYear: 2022, note: "令和3年度の実績で判定（令和4年度の実績は「集計中」。数値が出たら判定が変わることがあります）" });
    expect(evaluateMeasure([s], ctx("default"), 2022).pending?.judgedYear).toBe(2021);
  });
  it("an empty evaluation year says 未入力; an up-to-date one has nothing pending", () => {
    const s = series({ actuals: { 2021: "150" }, baseline: "100", target: "200" });
    expect(evaluateSeries(s, ctx("default"), 2022).pending?.note).toContain("令和4年度の実績は未入力");
    expect(evaluateSeries(s, ctx("default"), 2021).pending).toBeNull();
  });
});

describe("property: the numbers in each explanation recompute its status", () => {
  const rules: ProgressRule[] = ["default", "grades", "marks", "expected"];
  const int = fc.integer({ min: -500, max: 2000 });
  it("for every preset, path or final year, either direction", () => {
    fc.assert(
      fc.property(fc.constantFrom(...rules), int, int, int, fc.integer({ min: 2020, max: 2023 }), fc.boolean(), fc.boolean(), (rule, b, t, a, year, lower, within) => {
        fc.pre(b !== t);
        const direction = lower ? "lower" : "higher";
        fc.pre(lower ? t < b : t > b);
        const s = series({ actuals: { [year]: String(a) }, baseline: String(b), target: String(t), direction, within: within && !lower && t > 0 });
        const r = evaluateSeries(s, ctx(rule), year);
        const settings = ruleSettings(rule);
        const met = lower ? a <= t : a >= t;
        if (met) {
          expect(r.explanation.startsWith("目標達成")).toBe(true);
          return true;
        }
        if (r.status === "not_judgeable") return true;
        // the deciding rate and its formula, as written
        const m = /^(?:見込み比|進捗率) (−?[\d,.]+)% = (.+?)（/.exec(r.explanation);
        expect(m, r.explanation).not.toBeNull();
        const exact = evalFormula(m![2]).times(100);
        expect(exact.toDecimalPlaces(1).toFixed(1)).toBe(m![1].replace("−", "-").replace(/,/g, ""));
        expect(statusFor(settings, exact)).toBe(r.status);
        return true;
      }),
      { numRuns: 400 },
    );
  });
});

/** 「(125 − 100) ÷ (125 − 100)」「31 ÷ 16.25」 → the exact quotient. */
function evalFormula(formula: string): Dec {
  const side = (text: string): Dec => {
    const t = text.trim().replace(/^\((.*)\)$/, "$1");
    const parts = t.split(" − ");
    const num = (x: string) => new Dec(x.replace(/[(),]/g, "").replace("−", "-"));
    return parts.length === 2 ? num(parts[0]).minus(num(parts[1])) : num(t);
  };
  const [left, right] = formula.split(" ÷ ");
  return side(left).div(side(right));
}

function statusFor(settings: ReturnType<typeof ruleSettings>, percentValue: Dec): StatusCode {
  const p = percentValue;
  switch (settings.rule) {
    case "grades":
      return p.gte(settings.a) ? "a" : p.gt(settings.b) ? "b" : "c";
    case "marks":
      return p.gte(settings.good) ? "good" : p.gt(settings.fair) ? "fair" : "poor";
    case "expected":
      return p.gte(100) ? "on_course" : p.gte(settings.nearly) ? "slightly_behind" : "behind";
    default:
      return p.gte(80) ? "on_track" : p.gt(0) ? "behind" : "worse";
  }
}

describe("the seeded series that count within the period (熊本県 第2期)", async () => {
  const path = await import("node:path");
  const { readSeedFiles } = await import("../seeds/read-seed-files");
  const { measureSeriesFromSeed } = await import("./from-seed");
  const bundle = readSeedFiles(path.resolve("seeds")).plans.find((p) => p.plan.slug === "kumamoto-2020")!;
  const plan: RuleContext = { rule: bundle.plan.progressRule, planStart: bundle.plan.startYear, planEnd: bundle.plan.endYear };
  const no5 = bundle.measures.map((m) => m.measure).find((m) => m.no === "5")!;
  const cumulative = measureSeriesFromSeed(no5).find((s) => s.label === "累計")!;

  it("No 5 累計 is marked from the source", () => expect(cumulative.countsWithinPeriod).toBe(true));
  it("No 5 reads on course for R2, with numbers a reader can recompute", () => {
    const r = evaluateSeries(cumulative, plan, 2020);
    expect(r.status).toBe("on_track");
    expect(r.rate).toBe(percent(new Dec(31).div(65)));
    expect(r.expected).toEqual({ year: 2020, value: "16.25", rate: percent(new Dec(31).div("16.25")) });
  });
  it("No 5 reads 達成 for R5 at 101 ÷ 65", () => {
    expect(evaluateSeries(cumulative, plan, 2023)).toMatchObject({ status: "achieved", rate: percent(new Dec(101).div(65)) });
  });
});

describe("the settings form", async () => {
  const { parseRuleSettingsForm } = await import("./settings");
  it("reads numbers (full-width too) and the checkbox, completing with the defaults", () => {
    expect(parseRuleSettingsForm("grades", { a: "６０", b: "10", expectedPath: "off" })).toEqual({ ok: true, settings: { a: 60, b: 10, expectedPath: false } });
    expect(parseRuleSettingsForm("default", {})).toEqual({ ok: true, settings: { onTrack: 80, expectedPath: true } });
    expect(parseRuleSettingsForm("kama", { good: "75", expectedPath: "on" })).toEqual({ ok: true, settings: { good: 75 } });
  });
  it("refuses text, out-of-range numbers and thresholds in the wrong order, per field", () => {
    expect(parseRuleSettingsForm("grades", { a: "abc" })).toEqual({ ok: false, errors: { a: "数値（%）で入力してください" } });
    expect(parseRuleSettingsForm("marks", { good: "5000" })).toMatchObject({ ok: false, errors: { good: expect.any(String) } });
    expect(parseRuleSettingsForm("grades", { a: "50", b: "50" })).toEqual({ ok: false, errors: { b: "「B」の値は「A」の値より小さくしてください" } });
    expect(parseRuleSettingsForm("expected", { yearlyShare: "0" })).toMatchObject({ ok: false, errors: { yearlyShare: expect.any(String) } });
  });
});
