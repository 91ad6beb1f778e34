// Inputs and results of the progress rules (pure: no database, no clock). Numbers are decimal strings.

export type ProgressRule = "default" | "kama" | "grades" | "marks" | "expected";
export type TargetKind = "number" | "at_least" | "relative" | "milestone" | "period_total";
export type Direction = "higher" | "lower";

/** A yearly cell: the number (decimal string) when the printed text is a number, and the printed text. */
export type CellInput = { year: number; value: string | null; text: string | null };

export type SeriesInput = {
  label: string;
  unit: string | null;
  baseline: { year: number | null; value: string | null; text: string | null } | null;
  actuals: CellInput[];
  target: {
    kind: TargetKind;
    direction: Direction | null;
    year: number | null;
    value: string | null;
    text: string | null;
    periodStart?: number | null;
    periodEnd?: number | null;
  } | null;
  /** Kama: the printed 実績値(目標値比較) and how it follows from the actuals */
  comparison?: { aggregation: "sum" | "latest"; value: string | null; text: string | null } | null;
  /** the actuals are a running total from the plan period's start, and the baseline is the previous period's
   *  total (熊本県 No 5 累計, 件/4年): judged as actual ÷ target and against the path from zero */
  countsWithinPeriod?: boolean;
  /** the plan's yearly (intermediate) targets, where the plan sets them: the expected path goes through them */
  yearlyTargets?: CellInput[];
};

/** The rule a plan judges by, with its settings and its period (the expected path and the projection need it). */
export type RuleContext = {
  rule: ProgressRule;
  /** the plan's progressSettings as stored (validated and completed with the rule's defaults when used) */
  settings?: unknown;
  planStart?: number | null;
  planEnd?: number | null;
};

/** default rule: achieved 達成 / on_track 概ね順調 / behind 遅れ / worse 悪化 / not_achieved 未達成 / not_judgeable 判定不能;
 *  kama rule: good ○ / fair △ / poor × / not_judgeable (milestone targets: only the official mark exists);
 *  grades rule: s S / a A / b B / c C; marks rule: excellent ◎ / good ○ / fair △ / poor ×;
 *  expected rule: achieved 達成 / on_course 順調 / slightly_behind やや遅れ / behind 遅れ. */
export type StatusCode =
  | "achieved"
  | "on_track"
  | "behind"
  | "worse"
  | "not_achieved"
  | "good"
  | "fair"
  | "poor"
  | "s"
  | "a"
  | "b"
  | "c"
  | "excellent"
  | "on_course"
  | "slightly_behind"
  | "not_judgeable";

/** The statistics for the evaluation year are not out yet: an earlier year was judged (集計中, 国調査終了 …). */
export type PendingFigure = { judgedYear: number; evaluationYear: number; note: string };

/** Where the actuals so far lead by the target year (a linear fit); never an actual. */
export type Projection = { year: number; value: string; points: number; text: string };

export type SeriesStatus = {
  label: string;
  status: StatusCode;
  /** 「達成」「概ね順調」「○」… */
  statusLabel: string;
  /** progress rate in percent, one decimal, as a decimal string ("87.1"); null when none applies */
  rate: string | null;
  /** the fiscal year whose actual was judged */
  evaluatedYear: number | null;
  /** how the status follows from the numbers, in Japanese, checkable by hand */
  explanation: string;
  /** Kama: the comparison value computed from the actuals, and whether it equals the printed one */
  computedComparison?: string | null;
  comparisonMatchesPrinted?: boolean | null;
  /** an intermediate year judged against the expected path: the expected value and the actual ÷ expected rate */
  expected?: { year: number; value: string; rate: string } | null;
  pending?: PendingFigure | null;
  projection?: Projection | null;
};

export type MeasureStatus = {
  status: StatusCode;
  statusLabel: string;
  /** the series that decided the measure's status (null when none could be judged) */
  decidingSeries: string | null;
  series: SeriesStatus[];
  /** the official rating; reason: why the planning division's rating differs from the computed status */
  official: { rating: string; agrees: boolean | null; reason?: string | null } | null;
  /** the deciding series' pending figure (an earlier year judged) */
  pending?: PendingFigure | null;
};
