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
import { countsWithinPeriod, expectedValue } from "./path";
import { ruleSettings, usesExpectedPath, type RuleSettings } from "./settings";
import type { CellInput, Direction, RuleContext, SeriesInput, SeriesStatus, StatusCode } from "./types";

type Target = NonNullable<SeriesInput["target"]>;

/** Placeholders that say "no value yet"; a milestone is judged on the latest real entry. */
const PLACEHOLDER = /^(－|—|―|-|‐|集計中|調査中|未集計|空欄)$/;

/** The default rule and the rules built the same way (S/A/B/C, ◎○△×, expected share): one measurement of
 *  progress, then the rule's thresholds. */
export function evaluateDefault(series: SeriesInput, evaluationYear: number, settings: RuleSettings = ruleSettings("default"), ctx: RuleContext = { rule: "default" }): SeriesStatus {
  const { target } = series;
  if (!target) return result(series.label, "not_judgeable", "判定不能：目標値がない");
  if (target.kind === "milestone") return milestone(series, target, evaluationYear, metStatus(settings));
  if (target.kind === "relative") return relative(series, target, evaluationYear, metStatus(settings));
  return numeric(series, target, evaluationYear, settings, ctx);
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

function numeric(series: SeriesInput, target: Target, evaluationYear: number, settings: RuleSettings, ctx: RuleContext): SeriesStatus {
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
  // a running total within the period: its baseline is the previous period's total, not a starting point
  const within = countsWithinPeriod(series);
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
    notes.push(`${yearLabel(latest.year)}実績${within ? "（期間内の累計）" : ""}`, ...skippedNotes(skipped));
  }
  const a = new Dec(actual);
  const baseline = within ? null : (series.baseline?.value ?? null);

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
  if (within && !total && series.baseline?.value) notes.push(`基準値 ${formatNumber(series.baseline.value)} は前期間の合計のため使わない`);
  const where = `（${notes.join("・")}）`;
  // 「基準値なし」 explains a plain-quotient rate; an achieved target needs no rate, so it is not said there
  const rateWhere = baseline === null && !total && !within ? `（${[...notes, "基準値なし"].join("・")}）` : where;

  const met = direction === "higher" ? a.gte(t) : a.lte(t);
  if (met) {
    const sign = direction === "higher" ? "≥" : "≤";
    return result(label, metStatus(settings), `目標達成：${formatNumber(actual)} ${sign} ${formatNumber(target.value)}${where}`, {
      rate,
      evaluatedYear,
    });
  }

  // an intermediate year: judged against the value expected by then, the final target's rate given beside it
  const expected = usesExpectedPath(settings) ? expectedValue(series, evaluatedYear, settings, ctx) : null;
  if (expected) {
    const e = new Dec(expected.value);
    const from = new Dec(expected.from);
    let eRatio: Dec | null = null;
    let eFormula = "";
    if (!e.eq(from)) {
      if (expected.within && direction === "lower") {
        if (a.gt(0)) {
          eRatio = e.div(a);
          eFormula = `${operand(expected.value)} ÷ ${operand(actual)}`;
        }
      } else {
        eRatio = a.minus(from).div(e.minus(from));
        eFormula = expected.within ? `${operand(actual)} ÷ ${operand(expected.value)}` : `(${operand(actual)} − ${operand(expected.from)}) ÷ (${operand(expected.value)} − ${operand(expected.from)})`;
      }
    }
    if (eRatio) {
      const eRate = percentString(eRatio);
      const status = classify(settings, eRatio);
      const toTarget = rate ? `・目標に対する進捗率 ${percentLabel(rate)} = ${formula}` : "";
      const explanation =
        `見込み比 ${percentLabel(eRate)} = ${eFormula}（${yearLabel(evaluatedYear)}の見込み値 ${formatNumber(expected.value)} に対し実績 ${formatNumber(actual)}・` +
        `見込み値 = ${expected.how}・${notes.join("・")}）${thresholdNotes(settings, eRatio, eRate)}${toTarget}`;
      return result(label, status, explanation, { rate, evaluatedYear, expected: { year: evaluatedYear, value: expected.value, rate: eRate } });
    }
  }

  if (!ratio || !rate) {
    return result(label, "not_judgeable", `判定不能：${impossible || "進捗率を計算できない"}${rateWhere}`, { evaluatedYear });
  }
  const status = classify(settings, ratio);
  const note = thresholdNotes(settings, ratio, rate);
  return result(label, status, `進捗率 ${percentLabel(rate)} = ${formula}${rateWhere}${note}`, { rate, evaluatedYear });
}

/** The status of a met target under each rule. */
export function metStatus(settings: RuleSettings): StatusCode {
  return settings.rule === "grades" ? "s" : settings.rule === "marks" ? "excellent" : "achieved";
}

/** The rule's thresholds (percent), highest first, and the status at or above each; below the last: the floor. */
export function thresholds(settings: RuleSettings): { steps: { at: number; status: StatusCode; strict: boolean }[]; floor: StatusCode } {
  switch (settings.rule) {
    case "grades":
      return { steps: [{ at: settings.a, status: "a", strict: false }, { at: settings.b, status: "b", strict: true }], floor: "c" };
    case "marks":
      return { steps: [{ at: settings.good, status: "good", strict: false }, { at: settings.fair, status: "fair", strict: true }], floor: "poor" };
    case "expected":
      return { steps: [{ at: 100, status: "on_course", strict: false }, { at: settings.nearly, status: "slightly_behind", strict: false }], floor: "behind" };
    case "kama":
      return { steps: [{ at: settings.good, status: "good", strict: false }], floor: "fair" };
    default:
      return { steps: [{ at: settings.onTrack, status: "on_track", strict: false }, { at: 0, status: "behind", strict: true }], floor: "worse" };
  }
}

/** A rate short of the target → the rule's status: at or above a threshold (above, for a strict one). */
export function classify(settings: RuleSettings, ratio: Dec): StatusCode {
  const percent = ratio.times(100);
  const { steps, floor } = thresholds(settings);
  for (const s of steps) if (s.strict ? percent.gt(s.at) : percent.gte(s.at)) return s.status;
  return floor;
}

function thresholdNotes(settings: RuleSettings, ratio: Dec, rate: string): string {
  for (const s of thresholds(settings).steps) {
    const note = thresholdNote(ratio, rate, s.at);
    if (note) return note;
  }
  return "";
}

function relative(series: SeriesInput, target: Target, evaluationYear: number, achieved: StatusCode): SeriesStatus {
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
    beats ? achieved : "not_achieved",
    `前年度比：${formatNumber(latest.value)} ${sign} ${formatNumber(previous)}（${yearLabel(latest.year)}実績 vs ${prevName}${tail}）`,
    { evaluatedYear: latest.year },
  );
}

function milestone(series: SeriesInput, target: Target, evaluationYear: number, achieved: StatusCode): SeriesStatus {
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
    return result(label, achieved, `目標達成：実績「${text}」＝目標「${goal}」${where}`, { evaluatedYear: latest.year });
  }
  return result(label, "not_achieved", `未達成：実績「${text}」≠目標「${goal}」${where}※手動で評価されるまでの判定`, {
    evaluatedYear: latest.year,
  });
}
