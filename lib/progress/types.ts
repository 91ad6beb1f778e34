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
};

/** default rule: achieved 達成 / on_track 概ね順調 / behind 遅れ / worse 悪化 / not_achieved 未達成 / not_judgeable 判定不能;
 *  kama rule: good ○ / fair △ / poor × / not_judgeable (milestone targets: only the official mark exists). */
export type StatusCode = "achieved" | "on_track" | "behind" | "worse" | "not_achieved" | "good" | "fair" | "poor" | "not_judgeable";

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
};

export type MeasureStatus = {
  status: StatusCode;
  statusLabel: string;
  /** the series that decided the measure's status (null when none could be judged) */
  decidingSeries: string | null;
  series: SeriesStatus[];
  official: { rating: string; agrees: boolean | null } | null;
};
