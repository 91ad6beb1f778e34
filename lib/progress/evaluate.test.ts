import { describe, expect, it } from "vitest";
import { parsePrintedNumber } from "../values/printed-number";
import { STATUS_LABELS, STATUS_ORDER, evaluateMeasure, evaluateSeries } from "./evaluate";
import { formatNumber, percentString, Dec, sumStrings, yearLabel } from "./explain";
import type { SeriesInput, StatusCode, TargetKind, Direction } from "./types";

// ---- builders: printed text in, numbers read the way the seeds read them ----
type Printed = Record<number, string>;
const cells = (printed: Printed) =>
  Object.entries(printed).map(([year, text]) => ({ year: Number(year), value: parsePrintedNumber(text), text }));

function series(o: {
  actuals: Printed;
  target: string | null;
  kind?: TargetKind;
  direction?: Direction | null;
  baseline?: string | null;
  baselineYear?: number;
  period?: [number, number];
  comparison?: { aggregation: "sum" | "latest"; printed: string };
  label?: string;
  targetNumber?: string;
}): SeriesInput {
  const kind = o.kind ?? "number";
  return {
    label: o.label ?? "単年",
    unit: null,
    baseline:
      o.baseline === undefined || o.baseline === null
        ? null
        : { year: o.baselineYear ?? 2019, value: parsePrintedNumber(o.baseline), text: o.baseline },
    actuals: cells(o.actuals),
    target:
      o.target === null
        ? null
        : {
            kind,
            direction: o.direction === undefined ? (kind === "milestone" ? null : "higher") : o.direction,
            year: 2023,
            value: o.targetNumber ?? parsePrintedNumber(o.target),
            text: o.target,
            periodStart: o.period?.[0] ?? null,
            periodEnd: o.period?.[1] ?? null,
          },
    comparison: o.comparison
      ? { aggregation: o.comparison.aggregation, value: parsePrintedNumber(o.comparison.printed), text: o.comparison.printed }
      : undefined,
  };
}

type Case = [name: string, input: SeriesInput, year: number, status: StatusCode, rate: string | null, explanation: string | RegExp];

function check(rule: "default" | "kama", [, input, year, status, rate, explanation]: Case) {
  const r = evaluateSeries(input, rule, year);
  expect(r.status).toBe(status);
  expect(r.statusLabel).toBe(STATUS_LABELS[status]);
  expect(r.rate).toBe(rate);
  if (typeof explanation === "string") expect(r.explanation).toBe(explanation);
  else expect(r.explanation).toMatch(explanation);
}

const no12 = series({
  label: "累計",
  baseline: "－",
  actuals: { 2020: "1,620", 2021: "3,645", 2022: "5,960", 2023: "8,709" },
  target: "10,000",
});

describe("default rule: numeric targets", () => {
  it("No 12 (累計, no baseline): the exact explanation", () => {
    const r = evaluateSeries(no12, "default", 2023);
    expect(r).toMatchObject({ status: "on_track", statusLabel: "概ね順調", rate: "87.1", evaluatedYear: 2023 });
    expect(r.explanation).toBe("進捗率 87.1% = 8,709 ÷ 10,000（令和5年度実績・基準値なし）");
  });

  const base = (actual: string, target = "1,500", baseline: string | null = "1,027", direction: Direction = "higher") =>
    series({ actuals: { 2022: "1,000", 2023: actual }, baseline, target, direction });

  it.each<Case>([
    ["with a baseline: behind", base("1,359"), 2023, "behind", "70.2", "進捗率 70.2% = (1,359 − 1,027) ÷ (1,500 − 1,027)（令和5年度実績）"],
    ["target exceeded", base("1,759"), 2023, "achieved", "154.8", "目標達成：1,759 ≥ 1,500（令和5年度実績）"],
    ["achieved without a baseline: no rate formula, no 基準値なし", base("120", "100", null), 2023, "achieved", "120.0", "目標達成：120 ≥ 100（令和5年度実績）"],
    ["target met exactly", base("1,500"), 2023, "achieved", "100.0", "目標達成：1,500 ≥ 1,500（令和5年度実績）"],
    ["exactly 80 % (baseline)", base("180", "200", "100"), 2023, "on_track", "80.0", "進捗率 80.0% = (180 − 100) ÷ (200 − 100)（令和5年度実績）"],
    ["exactly 80 % (no baseline)", base("80", "100", null), 2023, "on_track", "80.0", "進捗率 80.0% = 80 ÷ 100（令和5年度実績・基準値なし）"],
    ["just under 80 % shows 80.0 but is behind", base("79.96", "100", null), 2023, "behind", "80.0", "進捗率 80.0% = 79.96 ÷ 100（令和5年度実績・基準値なし）（丸め前は80%未満）"],
    ["79.9 %", base("79.9", "100", null), 2023, "behind", "79.9", "進捗率 79.9% = 79.9 ÷ 100（令和5年度実績・基準値なし）"],
    ["exactly 0 % (actual = baseline) is worse", base("100", "200", "100"), 2023, "worse", "0.0", "進捗率 0.0% = (100 − 100) ÷ (200 − 100)（令和5年度実績）"],
    ["just above 0 % is behind", base("100.01", "200", "100"), 2023, "behind", "0.0", "進捗率 0.0% = (100.01 − 100) ÷ (200 − 100)（令和5年度実績）（丸め前は0%超）"],
    ["below the baseline", base("90", "200", "100"), 2023, "worse", "-10.0", "進捗率 −10.0% = (90 − 100) ÷ (200 − 100)（令和5年度実績）"],
    ["zero actual, no baseline", base("0", "100", null), 2023, "worse", "0.0", "進捗率 0.0% = 0 ÷ 100（令和5年度実績・基準値なし）"],
    ["lower: exactly 80 %", base("60", "50", "100", "lower"), 2023, "on_track", "80.0", "進捗率 80.0% = (60 − 100) ÷ (50 − 100)（令和5年度実績）"],
    ["lower: met exactly", base("50", "50", "100", "lower"), 2023, "achieved", "100.0", "目標達成：50 ≤ 50（令和5年度実績）"],
    ["lower: beaten", base("45", "50", "100", "lower"), 2023, "achieved", "110.0", "目標達成：45 ≤ 50（令和5年度実績）"],
    ["lower: behind", base("80", "50", "100", "lower"), 2023, "behind", "40.0", "進捗率 40.0% = (80 − 100) ÷ (50 − 100)（令和5年度実績）"],
    ["lower: worse", base("110", "50", "100", "lower"), 2023, "worse", "-20.0", "進捗率 −20.0% = (110 − 100) ÷ (50 − 100)（令和5年度実績）"],
    ["lower, no baseline: target ÷ actual", base("62.5", "50", null, "lower"), 2023, "on_track", "80.0", "進捗率 80.0% = 50 ÷ 62.5（令和5年度実績・基準値なし）"],
    ["lower, no baseline: behind", base("100", "50", null, "lower"), 2023, "behind", "50.0", "進捗率 50.0% = 50 ÷ 100（令和5年度実績・基準値なし）"],
    ["negative numbers (▲ = minus)", base("▲ 1,833", "▲ 913", "▲ 2,071"), 2023, "behind", "20.6", "進捗率 20.6% = ((−1,833) − (−2,071)) ÷ ((−913) − (−2,071))（令和5年度実績）"],
    ["decimals kept as given", base("53.90", "60.0", "50.0"), 2023, "behind", "39.0", "進捗率 39.0% = (53.90 − 50.0) ÷ (60.0 − 50.0)（令和5年度実績）"],
    ["baseline equals target, not met", base("20", "21", "21"), 2023, "not_judgeable", null, "判定不能：目標値と基準値が同じ（21）ため進捗率を計算できない（令和5年度実績）"],
    ["baseline equals target, met", base("21", "21", "21"), 2023, "achieved", null, "目標達成：21 ≥ 21（令和5年度実績）"],
    ["no baseline and target 0", base("-5", "0", null), 2023, "not_judgeable", null, /目標値（0）が正でない/],
  ])("%s", (...c) => check("default", c));

  it.each<Case>([
    ["at_least met exactly, direction not given", series({ kind: "at_least", direction: null, actuals: { 2023: "21" }, baseline: "21", target: "21事業以上", targetNumber: "21" }), 2023, "achieved", null, "目標達成：21 ≥ 21（令和5年度実績）"],
    ["at_least below", series({ kind: "at_least", actuals: { 2023: "15" }, baseline: "10", target: "20" }), 2023, "behind", "50.0", "進捗率 50.0% = (15 − 10) ÷ (20 − 10)（令和5年度実績）"],
    ["a later year is 集計中: the latest numeric year is judged", series({ actuals: { 2021: "50", 2022: "90", 2023: "集計中" }, target: "100" }), 2023, "on_track", "90.0", "進捗率 90.0% = 90 ÷ 100（令和4年度実績・令和5年度は「集計中」・基準値なし）"],
    ["later years are － and 集計中: the earlier year is judged against its expected value", series({ actuals: { 2021: "50", 2022: "－", 2023: "集計中" }, target: "100", baseline: "0" }), 2023, "on_track", "50.0", "見込み比 100.0% = (50 − 0) ÷ (50 − 0)（令和3年度の見込み値 50 に対し実績 50・見込み値 = 0 + (100 − 0) × 2/4（令和元年度の基準値から令和5年度の目標値へ）・令和3年度実績・令和4年度は「－」・令和5年度は「集計中」）・目標に対する進捗率 50.0% = (50 − 0) ÷ (100 − 0)"],
    ["text is never zero", series({ actuals: { 2022: "－" }, target: "100", baseline: "0" }), 2023, "not_judgeable", null, "判定不能：令和5年度までに数値の実績がない（令和4年度は「－」）"],
    ["no actuals at all", series({ actuals: {}, target: "100" }), 2023, "not_judgeable", null, "判定不能：令和5年度までに数値の実績がない"],
    ["the evaluation year cuts off later actuals", series({ actuals: { 2021: "50", 2022: "85", 2023: "120" }, target: "100" }), 2022, "on_track", "85.0", "進捗率 85.0% = 85 ÷ 100（令和4年度実績・基準値なし）"],
    ["actuals only after the evaluation year", series({ actuals: { 2024: "120" }, target: "100" }), 2023, "not_judgeable", null, "判定不能：令和5年度までに数値の実績がない"],
    ["no target", series({ actuals: { 2023: "5" }, target: null }), 2023, "not_judgeable", null, "判定不能：目標値がない"],
    ["target without a number", series({ actuals: { 2023: "5" }, target: "増加" }), 2023, "not_judgeable", null, "判定不能：目標値「増加」が数値でない"],
    ["number target without a direction", series({ actuals: { 2023: "5" }, target: "10", direction: null }), 2023, "not_judgeable", null, "判定不能：目標の方向（増・減）が不明"],
    ["period_total: the yearly actuals are summed", series({ kind: "period_total", actuals: { 2020: "2", 2021: "5", 2022: "集計中", 2023: "1" }, baseline: "1", target: "5年間に15件", targetNumber: "15", period: [2020, 2024] }), 2023, "behind", "53.3", "進捗率 53.3% = 8 ÷ 15（令和2年度〜令和5年度実績の合計 2 + 5 + 1・令和4年度は「集計中」）"],
    ["period_total met", series({ kind: "period_total", actuals: { 2019: "99", 2020: "10", 2021: "6" }, target: "15", period: [2020, 2024] }), 2023, "achieved", "106.7", "目標達成：16 ≥ 15（令和2年度〜令和3年度実績の合計 10 + 6）"],
    ["period_total counted as a stock, judged in the final year", series({ kind: "period_total", actuals: { 2020: "13", 2021: "13" }, baseline: "0", target: "50", comparison: { aggregation: "latest", printed: "13" } }), 2023, "behind", "26.0", "見込み比 52.0% = (13 − 0) ÷ (25 − 0)（令和3年度の見込み値 25 に対し実績 13・見込み値 = 0 + (50 − 0) × 2/4（令和元年度の基準値から令和5年度の目標値へ）・令和3年度実績）・目標に対する進捗率 26.0% = (13 − 0) ÷ (50 − 0)"],
  ])("%s", (...c) => check("default", c));
});

describe("default rule: relative targets", () => {
  const rel = (actuals: Printed, direction: Direction | null, text = direction === "lower" ? "前年比減" : "前年度比増", baseline?: string, baselineYear?: number) =>
    series({ kind: "relative", actuals, direction, target: text, baseline, baselineYear });

  it.each<Case>([
    ["前年比減 met", rel({ 2022: "6,325", 2023: "6,174" }, "lower"), 2023, "achieved", null, "前年度比：6,174 < 6,325（令和5年度実績 vs 令和4年度）"],
    ["前年比減 not met (No 9)", rel({ 2021: "5,187", 2022: "4,944", 2023: "6,174" }, "lower"), 2023, "not_achieved", null, "前年度比：6,174 > 4,944（令和5年度実績 vs 令和4年度）"],
    ["前年度比増 met", rel({ 2022: "467", 2023: "717" }, "higher"), 2023, "achieved", null, "前年度比：717 > 467（令和5年度実績 vs 令和4年度）"],
    ["前年度比増 not met", rel({ 2022: "231,700", 2023: "211,129" }, "higher"), 2023, "not_achieved", null, "前年度比：211,129 < 231,700（令和5年度実績 vs 令和4年度）"],
    ["unchanged is not a decrease", rel({ 2022: "100", 2023: "100" }, "lower"), 2023, "not_achieved", null, "前年度比：100 = 100（令和5年度実績 vs 令和4年度）"],
    ["direction read from the text", rel({ 2022: "100", 2023: "90" }, null, "前年比減"), 2023, "achieved", null, "前年度比：90 < 100（令和5年度実績 vs 令和4年度）"],
    ["previous year is 集計中", rel({ 2022: "集計中", 2023: "90" }, "lower"), 2023, "not_judgeable", null, "判定不能：前年度（令和4年度）の実績が数値でない（「集計中」）（令和5年度実績）"],
    ["previous year missing", rel({ 2021: "80", 2023: "90" }, "higher"), 2023, "not_judgeable", null, "判定不能：前年度（令和4年度）の実績がない（令和5年度実績）"],
    ["the baseline year is the previous year", rel({ 2020: "5,081" }, "lower", "前年比減", "6,498", 2019), 2023, "achieved", null, "前年度比：5,081 < 6,498（令和2年度実績 vs 令和元年度基準値）"],
    ["a baseline two years back does not count", rel({ 2020: "5,081" }, "lower", "前年比減", "6,498", 2018), 2023, "not_judgeable", null, "判定不能：前年度（令和元年度）の実績がない（令和2年度実績）"],
    ["latest year is text: the latest numeric year vs its previous", rel({ 2021: "10", 2022: "12", 2023: "集計中" }, "higher"), 2023, "achieved", null, "前年度比：12 > 10（令和4年度実績 vs 令和3年度・令和5年度は「集計中」）"],
    ["evaluation year cuts off", rel({ 2021: "10", 2022: "12", 2023: "5" }, "higher"), 2022, "achieved", null, "前年度比：12 > 10（令和4年度実績 vs 令和3年度）"],
    ["no number at all", rel({ 2023: "－" }, "higher"), 2023, "not_judgeable", null, "判定不能：令和5年度までに数値の実績がない（令和5年度は「－」）"],
  ])("%s", (...c) => check("default", c));
});

describe("default rule: milestone targets", () => {
  const ms = (actuals: Printed, goal: string) => series({ kind: "milestone", actuals, target: goal, label: "県" });
  it.each<Case>([
    ["認定 reached", ms({ 2022: "認定なし", 2023: "認定" }, "認定"), 2023, "achieved", null, "目標達成：実績「認定」＝目標「認定」（令和5年度実績）"],
    ["認定 not reached", ms({ 2022: "認定なし", 2023: "認定なし" }, "認定"), 2023, "not_achieved", null, "未達成：実績「認定なし」≠目標「認定」（令和5年度実績）※手動で評価されるまでの判定"],
    ["認定 later than the evaluation year", ms({ 2022: "認定なし", 2023: "認定" }, "認定"), 2022, "not_achieved", null, /^未達成：実績「認定なし」≠目標「認定」（令和4年度実績）/],
    ["完了 reached", ms({ 2021: "実施中", 2022: "完了" }, "完了"), 2023, "achieved", null, "目標達成：実績「完了」＝目標「完了」（令和4年度実績）"],
    ["完了 with a later placeholder", ms({ 2022: "完了", 2023: "－" }, "完了"), 2023, "achieved", null, "目標達成：実績「完了」＝目標「完了」（令和4年度実績）"],
    ["完了 not reached: counts are not 完了", ms({ 2022: "519", 2023: "522" }, "完了"), 2023, "not_achieved", null, /^未達成：実績「522」≠目標「完了」（令和5年度実績）※手動/],
    ["no actual yet", ms({}, "完了"), 2023, "not_judgeable", null, "判定不能：令和5年度までに実績の記載がない"],
  ])("%s", (...c) => check("default", c));
});

describe("kama rule", () => {
  const kama = (o: Parameters<typeof series>[0]) => series({ kind: "period_total", period: [2020, 2024], ...o });
  const five = { 2020: "2", 2021: "5", 2022: "1", 2023: "5", 2024: "6" };

  it.each<Case>([
    ["sum over the period (1-1)", kama({ actuals: five, target: "5年間に15件", targetNumber: "15", comparison: { aggregation: "sum", printed: "19" } }), 2024, "good", "126.7", "比較値 19 = 2 + 5 + 1 + 5 + 6（合計）÷ 目標 15 = 126.7%"],
    ["sum is the default for period_total", kama({ actuals: five, target: "15" }), 2024, "good", "126.7", "比較値 19 = 2 + 5 + 1 + 5 + 6（合計）÷ 目標 15 = 126.7%"],
    ["a stock takes the latest actual (2-1)", kama({ actuals: { 2020: "13", 2024: "13" }, target: "50", comparison: { aggregation: "latest", printed: "13" } }), 2024, "fair", "26.0", "比較値 13（令和6年度実績）÷ 目標 50 = 26.0%"],
    ["latest is the default for number targets", series({ actuals: { 2023: "130,108", 2024: "133,074" }, target: "150,000" }), 2024, "good", "88.7", "比較値 133,074（令和6年度実績）÷ 目標 150,000 = 88.7%"],
    ["exactly 80 %", kama({ actuals: { 2020: "12" }, target: "15" }), 2024, "good", "80.0", "比較値 12 = 12（合計）÷ 目標 15 = 80.0%"],
    ["just under 80 %", series({ actuals: { 2024: "79.99" }, target: "100" }), 2024, "fair", "80.0", "比較値 79.99（令和6年度実績）÷ 目標 100 = 80.0%（丸め前は80%未満）"],
    ["0 % is △", series({ actuals: { 2024: "0" }, target: "5" }), 2024, "fair", "0.0", "比較値 0（令和6年度実績）÷ 目標 5 = 0.0%"],
    ["a negative value is still △", series({ actuals: { 2024: "△2" }, target: "5" }), 2024, "fair", "-40.0", "比較値 −2（令和6年度実績）÷ 目標 5 = −40.0%"],
    ["latest actual is — : × (3-1)", series({ actuals: { 2023: "3", 2024: "—" }, target: "5", comparison: { aggregation: "latest", printed: "—" } }), 2024, "poor", null, "×：令和6年度の実績が「—」で数値が分からない"],
    ["no actuals: ×", series({ actuals: {}, target: "5" }), 2024, "poor", null, "×：令和6年度までの実績がなく比較値が分からない"],
    ["sum with no number: ×", kama({ actuals: { 2020: "－" }, target: "15" }), 2024, "poor", null, "×：期間内に数値の実績がなく比較値が分からない（令和2年度は「－」）"],
    ["text cells are skipped in a sum", kama({ actuals: { 2020: "2", 2021: "集計中", 2022: "1" }, target: "15" }), 2024, "fair", "20.0", "比較値 3 = 2 + 1（合計・令和3年度は「集計中」は除く）÷ 目標 15 = 20.0%"],
    ["lower is better: target ÷ comparison", series({ actuals: { 2024: "40" }, target: "50", direction: "lower" }), 2024, "good", "125.0", "目標 50 ÷ 比較値 40（令和6年度実績）= 125.0%"],
    ["lower, zero comparison", series({ actuals: { 2024: "0" }, target: "50", direction: "lower" }), 2024, "not_judgeable", null, "判定不能：比較値が0のため割合を計算できない"],
    ["target 0", series({ actuals: { 2024: "3" }, target: "0" }), 2024, "not_judgeable", null, "判定不能：目標値が0のため割合を計算できない"],
    ["milestone: only the official mark", series({ kind: "milestone", actuals: { 2024: "100.0" }, target: "全国科学教育ICT活用推進目標に到達" }), 2024, "not_judgeable", null, /公式の評価のみ/],
    ["target without a number", series({ actuals: { 2024: "3" }, target: "増加" }), 2024, "not_judgeable", null, "判定不能：目標値「増加」が数値でない"],
    ["no target", series({ actuals: { 2024: "3" }, target: null }), 2024, "not_judgeable", null, "判定不能：目標値がない"],
    ["at_least (4-4)", series({ kind: "at_least", actuals: { 2024: "21" }, target: "21事業以上(R6)", targetNumber: "21" }), 2024, "good", "100.0", "比較値 21（令和6年度実績）÷ 目標 21 = 100.0%"],
  ])("%s", (...c) => check("kama", c));

  it("bounds the sum by the period start and the evaluation year", () => {
    const r = evaluateSeries(kama({ actuals: { 2019: "100", 2020: "2", 2021: "5", 2022: "1", 2023: "5" }, target: "15", period: [2020, 2024] }), "kama", 2022);
    expect(r).toMatchObject({ status: "fair", rate: "53.3", computedComparison: "8", evaluatedYear: 2022 });
    expect(r.explanation).toBe("比較値 8 = 2 + 5 + 1（合計）÷ 目標 15 = 53.3%");
  });

  it("records the computed comparison and whether it matches the printed one", () => {
    const ok = evaluateSeries(kama({ actuals: five, target: "15", comparison: { aggregation: "sum", printed: "19" } }), "kama", 2024);
    expect(ok).toMatchObject({ computedComparison: "19", comparisonMatchesPrinted: true, evaluatedYear: 2024 });
    const wrong = evaluateSeries(kama({ actuals: five, target: "15", comparison: { aggregation: "sum", printed: "20" } }), "kama", 2024);
    expect(wrong).toMatchObject({ status: "good", computedComparison: "19", comparisonMatchesPrinted: false });
    expect(wrong.explanation).toBe("比較値 19 = 2 + 5 + 1 + 5 + 6（合計）÷ 目標 15 = 126.7%※印字の比較値「20」と一致しない");
    const unknown = evaluateSeries(series({ actuals: { 2024: "—" }, target: "5", comparison: { aggregation: "latest", printed: "—" } }), "kama", 2024);
    expect(unknown).toMatchObject({ computedComparison: null, comparisonMatchesPrinted: true });
    const notPrinted = evaluateSeries(series({ actuals: { 2024: "3" }, target: "5" }), "kama", 2024);
    expect(notPrinted).toMatchObject({ computedComparison: "3", comparisonMatchesPrinted: null });
    const decimals = evaluateSeries(series({ actuals: { 2024: "100.0" }, target: "100", comparison: { aggregation: "latest", printed: "100" } }), "kama", 2024);
    expect(decimals).toMatchObject({ computedComparison: "100.0", comparisonMatchesPrinted: true });
    const sum = evaluateSeries(kama({ actuals: { 2020: "16.87", 2021: "16.90" }, target: "100" }), "kama", 2024);
    expect(sum.computedComparison).toBe("33.77");
  });
});

describe("evaluateMeasure", () => {
  const single = series({ label: "単年", actuals: { 2023: "90" }, target: "100" }); // 90 % 概ね順調
  const cumulative = series({ label: "累計", actuals: { 2023: "50" }, target: "100" }); // 50 % 遅れ
  const unjudgeable = series({ label: "市町村", actuals: { 2023: "集計中" }, target: "100" });
  const achieved = series({ label: "県", actuals: { 2023: "120" }, target: "100" });

  it("takes the least favourable judged series", () => {
    const m = evaluateMeasure([single, cumulative], "default", 2023);
    expect(m).toMatchObject({ status: "behind", statusLabel: "遅れ", decidingSeries: "累計", official: null });
    expect(m.series.map((s) => s.status)).toEqual(["on_track", "behind"]);
  });
  it("ignores series that cannot be judged", () => {
    expect(evaluateMeasure([unjudgeable, achieved], "default", 2023)).toMatchObject({ status: "achieved", decidingSeries: "県" });
  });
  it("is not judgeable when no series is", () => {
    const m = evaluateMeasure([unjudgeable], "default", 2023, "達成");
    expect(m).toMatchObject({ status: "not_judgeable", decidingSeries: null, official: { rating: "達成", agrees: null } });
    expect(evaluateMeasure([], "kama", 2024)).toMatchObject({ status: "not_judgeable", decidingSeries: null });
  });
  it("compares the official rating with the computed status", () => {
    expect(evaluateMeasure([single, cumulative], "default", 2023, "遅れ").official).toEqual({ rating: "遅れ", agrees: true, reason: null });
    expect(evaluateMeasure([single, cumulative], "default", 2023, "達成").official).toEqual({ rating: "達成", agrees: false, reason: null });
    const k = series({ actuals: { 2024: "13" }, target: "50" });
    expect(evaluateMeasure([k], "kama", 2024, "△").official).toEqual({ rating: "△", agrees: true, reason: null });
    expect(evaluateMeasure([k], "kama", 2024, "○").official).toEqual({ rating: "○", agrees: false, reason: null });
    expect(evaluateMeasure([k], "kama", 2024, "〇").official).toEqual({ rating: "〇", agrees: false, reason: null });
    const good = series({ actuals: { 2024: "50" }, target: "50" });
    expect(evaluateMeasure([good], "kama", 2024, "〇").official).toEqual({ rating: "〇", agrees: true, reason: null });
    expect(evaluateMeasure([good], "kama", 2024, null).official).toBeNull();
    expect(evaluateMeasure([good], "kama", 2024, "").official).toBeNull();
  });
  it("a × series decides a Kama measure", () => {
    const poor = series({ label: "b", actuals: { 2024: "—" }, target: "5" });
    const good = series({ label: "a", actuals: { 2024: "50" }, target: "50" });
    expect(evaluateMeasure([good, poor], "kama", 2024, "×")).toMatchObject({ status: "poor", decidingSeries: "b", official: { agrees: true } });
  });
});

describe("labels, order and formatting", () => {
  it("labels every status", () => {
    expect(STATUS_LABELS).toEqual({
      achieved: "達成", on_track: "概ね順調", behind: "遅れ", worse: "悪化", not_achieved: "未達成",
      good: "○", fair: "△", poor: "×", s: "S", a: "A", b: "B", c: "C", excellent: "◎", on_course: "順調",
      slightly_behind: "やや遅れ", not_judgeable: "判定不能",
    });
  });
  it("orders every status once, least favourable first", () => {
    expect(STATUS_ORDER.map((s) => STATUS_LABELS[s])).toEqual(["悪化", "C", "×", "遅れ", "B", "△", "やや遅れ", "未達成", "判定不能", "概ね順調", "A", "順調", "達成", "S", "○", "◎"]);
    expect(new Set(STATUS_ORDER).size).toBe(Object.keys(STATUS_LABELS).length);
  });
  it.each([
    ["8709", "8,709"], ["1234567.891", "1,234,567.891"], ["100.0", "100.0"], ["-2071", "−2,071"], ["0", "0"], ["999", "999"], ["-0.0", "0.0"],
  ])("formats %s as %s", (v, f) => expect(formatNumber(v)).toBe(f));
  it.each([[2019, "令和元年度"], [2023, "令和5年度"], [2018, "平成30年度"]])("labels %i as %s", (y, l) => expect(yearLabel(y)).toBe(l));
  it("rounds half up, exactly", () => {
    expect(percentString(new Dec("0.87085"))).toBe("87.1");
    expect(percentString(new Dec("0.87049"))).toBe("87.0");
    expect(percentString(new Dec("-0.0004"))).toBe("0.0");
    expect(percentString(new Dec(19).div(15))).toBe("126.7");
    expect(sumStrings(["0.1", "0.2"])).toBe("0.3");
    expect(sumStrings(["1.50", "2.50"])).toBe("4.00");
  });
});
