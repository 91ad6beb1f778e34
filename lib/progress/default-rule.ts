// The default rule (熊本県): progress from the baseline towards the target, judged on the latest year that has
// a number. Text cells (集計中, －) are passed over — never read as zero — and the explanation names the year used.
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
import type { CellInput, Direction, SeriesInput, SeriesStatus } from "./types";

type Target = NonNullable<SeriesInput["target"]>;

/** Placeholders that say "no value yet"; a milestone is judged on the latest real entry. */
const PLACEHOLDER = /^(－|—|―|-|‐|集計中|調査中|未集計|空欄)$/;

export function evaluateDefault(series: SeriesInput, evaluationYear: number): SeriesStatus {
  const { target } = series;
  if (!target) return result(series.label, "not_judgeable", "判定不能：目標値がない");
  if (target.kind === "milestone") return milestone(series, target, evaluationYear);
  if (target.kind === "relative") return relative(series, target, evaluationYear);
  return numeric(series, target, evaluationYear);
}

/** at_least is always higher-is-better; relative targets may carry their direction only in the text. */
export function targetDirection(target: Target): Direction | null {
  if (target.kind === "at_least") return "higher";
  if (target.direction) return target.direction;
  if (target.kind === "relative" && target.text) {
    if (/減/.test(target.text)) return "lower";
    if (/増/.test(target.text)) return "higher";
  }
  return null;
}

/** The latest cell with a number up to the evaluation year, and the later text cells that were passed over. */
function latestNumeric(series: SeriesInput, evaluationYear: number) {
  const cells = cellsUpTo(series.actuals, evaluationYear);
  const numeric = cells.filter((c) => c.value !== null);
  const latest = numeric.at(-1) ?? null;
  const skipped = latest ? cells.filter((c) => c.year > latest.year) : cells;
  return { latest, skipped };
}

function noNumberMessage(skipped: CellInput[], evaluationYear: number): string {
  const notes = skippedNotes(skipped);
  return `判定不能：${yearLabel(evaluationYear)}までに数値の実績がない${notes.length ? `（${notes.join("・")}）` : ""}`;
}

function numeric(series: SeriesInput, target: Target, evaluationYear: number): SeriesStatus {
  const label = series.label;
  const direction = targetDirection(target);
  if (!direction) return result(label, "not_judgeable", "判定不能：目標の方向（増・減）が不明");
  if (target.value === null) {
    return result(label, "not_judgeable", `判定不能：目標値「${target.text ?? "空欄"}」が数値でない`);
  }
  const t = new Dec(target.value);
  const { latest, skipped } = latestNumeric(series, evaluationYear);
  if (!latest || latest.value === null) return result(label, "not_judgeable", noNumberMessage(skipped, evaluationYear));

  // A 5-year-total target is compared with the total of the yearly actuals, not with one year's figure;
  // a one-year baseline says nothing about a total, so it is not used.
  const total = target.kind === "period_total" && (series.comparison?.aggregation ?? "sum") === "sum";
  const notes: string[] = [];
  let actual: string;
  let evaluatedYear = latest.year;
  if (total) {
    const from = target.periodStart ?? -Infinity;
    const to = Math.min(target.periodEnd ?? Infinity, evaluationYear);
    const inPeriod = cellsUpTo(series.actuals, to).filter((c) => c.year >= from);
    const numbers = inPeriod.filter((c) => c.value !== null);
    if (numbers.length === 0) return result(label, "not_judgeable", noNumberMessage(inPeriod, to));
    actual = sumStrings(numbers.map((c) => c.value as string));
    const first = numbers[0].year;
    const last = numbers.at(-1)!.year;
    evaluatedYear = last;
    const span = first === last ? yearLabel(first) : `${yearLabel(first)}〜${yearLabel(last)}`;
    notes.push(`${span}実績の合計 ${numbers.map((c) => operand(c.value as string)).join(" + ")}`);
    notes.push(...skippedNotes(inPeriod.filter((c) => c.value === null)));
  } else {
    actual = latest.value;
    notes.push(`${yearLabel(latest.year)}実績`, ...skippedNotes(skipped));
  }
  const a = new Dec(actual);
  const baseline = total ? null : (series.baseline?.value ?? null);

  let ratio: Dec | null = null;
  let formula = "";
  let impossible = "";
  if (baseline !== null) {
    const b = new Dec(baseline);
    if (t.eq(b)) impossible = `目標値と基準値が同じ（${formatNumber(target.value)}）ため進捗率を計算できない`;
    else {
      ratio = a.minus(b).div(t.minus(b));
      formula = `(${operand(actual)} − ${operand(baseline)}) ÷ (${operand(target.value)} − ${operand(baseline)})`;
    }
  } else {
    // without a baseline the rate is a plain quotient, meaningful only for a positive target
    if (!t.gt(0)) impossible = `基準値がなく目標値（${formatNumber(target.value)}）が正でないため進捗率を計算できない`;
    else if (direction === "higher") {
      ratio = a.div(t);
      formula = `${operand(actual)} ÷ ${operand(target.value)}`;
    } else if (a.gt(0)) {
      ratio = t.div(a);
      formula = `${operand(target.value)} ÷ ${operand(actual)}`;
    }
  }
  const rate = ratio ? percentString(ratio) : null;
  const where = `（${notes.join("・")}）`;
  // 「基準値なし」 explains a plain-quotient rate; an achieved target needs no rate, so it is not said there
  const rateWhere = baseline === null && !total ? `（${[...notes, "基準値なし"].join("・")}）` : where;

  const met = direction === "higher" ? a.gte(t) : a.lte(t);
  if (met) {
    const sign = direction === "higher" ? "≥" : "≤";
    return result(label, "achieved", `目標達成：${formatNumber(actual)} ${sign} ${formatNumber(target.value)}${where}`, {
      rate,
      evaluatedYear,
    });
  }
  if (!ratio || !rate) {
    return result(label, "not_judgeable", `判定不能：${impossible || "進捗率を計算できない"}${rateWhere}`, { evaluatedYear });
  }
  const status = ratio.gte("0.8") ? "on_track" : ratio.gt(0) ? "behind" : "worse";
  const note = thresholdNote(ratio, rate, 80) || thresholdNote(ratio, rate, 0);
  return result(label, status, `進捗率 ${percentLabel(rate)} = ${formula}${rateWhere}${note}`, { rate, evaluatedYear });
}

function relative(series: SeriesInput, target: Target, evaluationYear: number): SeriesStatus {
  const label = series.label;
  const direction = targetDirection(target);
  if (!direction) return result(label, "not_judgeable", `判定不能：目標「${target.text ?? "空欄"}」の方向（増・減）が不明`);
  const { latest, skipped } = latestNumeric(series, evaluationYear);
  if (!latest || latest.value === null) return result(label, "not_judgeable", noNumberMessage(skipped, evaluationYear));

  const prevYear = latest.year - 1;
  const prevCell = series.actuals.find((c) => c.year === prevYear) ?? null;
  let previous: string | null = prevCell?.value ?? null;
  let prevName = yearLabel(prevYear);
  // the baseline column is the year before the first actual column
  const base = series.baseline;
  if (previous === null && base && base.year === prevYear && base.value !== null) {
    previous = base.value;
    prevName = `${yearLabel(prevYear)}基準値`;
  }
  const notes = skippedNotes(skipped);
  const tail = notes.length ? `・${notes.join("・")}` : "";
  if (previous === null) {
    const why = prevCell ? `が数値でない（「${cellText(prevCell)}」）` : "がない";
    return result(
      label,
      "not_judgeable",
      `判定不能：前年度（${yearLabel(prevYear)}）の実績${why}（${yearLabel(latest.year)}実績${tail}）`,
      { evaluatedYear: latest.year },
    );
  }
  const a = new Dec(latest.value);
  const p = new Dec(previous);
  const sign = a.lt(p) ? "<" : a.gt(p) ? ">" : "=";
  const beats = direction === "higher" ? a.gt(p) : a.lt(p);
  return result(
    label,
    beats ? "achieved" : "not_achieved",
    `前年度比：${formatNumber(latest.value)} ${sign} ${formatNumber(previous)}（${yearLabel(latest.year)}実績 vs ${prevName}${tail}）`,
    { evaluatedYear: latest.year },
  );
}

function milestone(series: SeriesInput, target: Target, evaluationYear: number): SeriesStatus {
  const label = series.label;
  const goal = (target.text ?? target.value)?.trim();
  if (!goal) return result(label, "not_judgeable", "判定不能：目標の文言がない");
  const entries = cellsUpTo(series.actuals, evaluationYear).filter((c) => {
    const text = (c.text ?? c.value)?.trim();
    return text && !PLACEHOLDER.test(text);
  });
  const latest = entries.at(-1);
  if (!latest) return result(label, "not_judgeable", `判定不能：${yearLabel(evaluationYear)}までに実績の記載がない`);
  const text = cellText(latest).trim();
  const where = `（${yearLabel(latest.year)}実績）`;
  if (text === goal) {
    return result(label, "achieved", `目標達成：実績「${text}」＝目標「${goal}」${where}`, { evaluatedYear: latest.year });
  }
  return result(label, "not_achieved", `未達成：実績「${text}」≠目標「${goal}」${where}※手動で評価されるまでの判定`, {
    evaluatedYear: latest.year,
  });
}
