// 嘉麻市's rule, as printed in its document: rate = 実績値(目標値比較) ÷ 目標値; ○ at 80 % or more, △ below,
// × when the actual cannot be known. The comparison value is recomputed from the yearly actuals with the KPI's
// aggregation (a flow with a 5-year-total target is summed; a stock takes its latest actual) and checked
// against the printed one.
import { targetDirection } from "./default-rule";
import {
  Dec,
  cellText,
  cellsUpTo,
  formatNumber,
  operand,
  percentLabel,
  percentString,
  result,
  skippedNotes,
  sumStrings,
  thresholdNote,
  yearLabel,
} from "./explain";
import type { SeriesInput, SeriesStatus } from "./types";

type Computed = { value: string | null; evaluatedYear: number | null; shown: string; unknown: string };

export function evaluateKama(series: SeriesInput, evaluationYear: number, goodPercent = 80): SeriesStatus {
  const { label, target } = series;
  const none = { computedComparison: null, comparisonMatchesPrinted: null };
  if (!target) return result(label, "not_judgeable", "判定不能：目標値がない", none);
  if (target.kind === "milestone") {
    return result(
      label,
      "not_judgeable",
      `判定不能：目標「${target.text ?? ""}」は数値でないため比較値による判定はできない（公式の評価のみ）`,
      none,
    );
  }
  if (target.kind === "relative") {
    return result(label, "not_judgeable", "判定不能：嘉麻市の評価方法に前年比の目標の判定はない", none);
  }
  const direction = targetDirection(target);
  if (!direction) return result(label, "not_judgeable", "判定不能：目標の方向（増・減）が不明", none);
  if (target.value === null) {
    return result(label, "not_judgeable", `判定不能：目標値「${target.text ?? "空欄"}」が数値でない`, none);
  }

  const aggregation = series.comparison?.aggregation ?? (target.kind === "period_total" ? "sum" : "latest");
  const c = aggregation === "sum" ? sumInPeriod(series, evaluationYear) : latestActual(series, evaluationYear);
  const matches = comparePrinted(series, c.value);
  const mismatch =
    matches === false ? `※印字の比較値「${series.comparison?.text ?? series.comparison?.value}」と一致しない` : "";
  const extra = { computedComparison: c.value, comparisonMatchesPrinted: matches, evaluatedYear: c.evaluatedYear };

  // × is the document's mark for "the actual cannot be known or the project was not carried out"
  if (c.value === null) return result(label, "poor", `×：${c.unknown}${mismatch}`, extra);

  const t = new Dec(target.value);
  const v = new Dec(c.value);
  const divisor = direction === "higher" ? t : v;
  if (divisor.isZero()) {
    return result(label, "not_judgeable", `判定不能：${direction === "higher" ? "目標" : "比較"}値が0のため割合を計算できない`, extra);
  }
  const ratio = direction === "higher" ? v.div(t) : t.div(v);
  const rate = percentString(ratio);
  // c.shown ends in its parenthesised note, which is followed directly by the operator, as printed: 「（合計）÷」
  const formula =
    direction === "higher"
      ? `比較値 ${c.shown}÷ 目標 ${formatNumber(target.value)} =`
      : `目標 ${formatNumber(target.value)} ÷ 比較値 ${c.shown}=`;
  // the printed scale has only ○ (80 % or more by default) and △ (0–79 %) for known actuals, so a negative rate is △ too
  const status = ratio.times(100).gte(goodPercent) ? "good" : "fair";
  const explanation = `${formula} ${percentLabel(rate)}${thresholdNote(ratio, rate, goodPercent)}${mismatch}`;
  return result(label, status, explanation, { ...extra, rate });
}

/** Sum of the numeric yearly actuals inside the target period, up to the evaluation year; text cells skipped. */
function sumInPeriod(series: SeriesInput, evaluationYear: number): Computed {
  const target = series.target!;
  const from = target.periodStart ?? -Infinity;
  const to = Math.min(target.periodEnd ?? Infinity, evaluationYear);
  const cells = cellsUpTo(series.actuals, to).filter((c) => c.year >= from);
  const numbers = cells.filter((c) => c.value !== null).map((c) => c.value as string);
  const skipped = skippedNotes(cells.filter((c) => c.value === null));
  if (numbers.length === 0) {
    const why = skipped.length ? `（${skipped.join("・")}）` : "";
    return { value: null, evaluatedYear: null, shown: "", unknown: `期間内に数値の実績がなく比較値が分からない${why}` };
  }
  const value = sumStrings(numbers);
  const lastYear = cells.filter((c) => c.value !== null).at(-1)!.year;
  const note = ["合計", ...skipped.map((s) => `${s}は除く`)].join("・");
  return {
    value,
    evaluatedYear: lastYear,
    shown: `${formatNumber(value)} = ${numbers.map(operand).join(" + ")}（${note}）`,
    unknown: "",
  };
}

/**
 * The actual of the latest year up to the evaluation year. Kama's 比較値 column prints that year's figure as
 * it stands; when it is text (「—」) the document rates ×, so an earlier year's number is not substituted.
 */
function latestActual(series: SeriesInput, evaluationYear: number): Computed {
  const latest = cellsUpTo(series.actuals, evaluationYear).at(-1);
  if (!latest) {
    return { value: null, evaluatedYear: null, shown: "", unknown: `${yearLabel(evaluationYear)}までの実績がなく比較値が分からない` };
  }
  if (latest.value === null) {
    return {
      value: null,
      evaluatedYear: latest.year,
      shown: "",
      unknown: `${yearLabel(latest.year)}の実績が「${cellText(latest)}」で数値が分からない`,
    };
  }
  return {
    value: latest.value,
    evaluatedYear: latest.year,
    shown: `${formatNumber(latest.value)}（${yearLabel(latest.year)}実績）`,
    unknown: "",
  };
}

/** Numeric comparison with the printed 比較値; a printed text (「—」) agrees only with "cannot be known". */
function comparePrinted(series: SeriesInput, computed: string | null): boolean | null {
  const printed = series.comparison;
  if (!printed || (printed.value === null && printed.text === null)) return null;
  if (printed.value === null) return computed === null;
  return computed !== null && new Dec(computed).eq(printed.value);
}
