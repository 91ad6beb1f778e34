// The status of a measure for an evaluation year: the plan's rule for a KPI. A 基本目標 numeric goal is
// compared with its estimate and target path by people (population projections to 2065 are no progress
// rate), so it is shown with its numbers but not judged.
import { evaluateMeasure } from "../progress/evaluate";
import type { MeasureStatus, ProgressRule, RuleContext, SeriesInput } from "../progress/types";

export function measureStatus(
  kind: "kpi" | "goal",
  series: SeriesInput[],
  rule: ProgressRule | RuleContext,
  year: number,
  official: string | null,
  officialReason: string | null = null,
): MeasureStatus {
  if (kind === "kpi") return evaluateMeasure(series, rule, year, official, officialReason);
  return {
    status: "not_judgeable",
    statusLabel: "判定不能",
    decidingSeries: null,
    series: series.map((s) => ({
      label: s.label,
      status: "not_judgeable",
      statusLabel: "判定不能",
      rate: null,
      evaluatedYear: null,
      explanation: "基本目標の数値目標は推計値・目標値と並べて示し、自動判定はしていません",
    })),
    official: official ? { rating: official, agrees: null, reason: officialReason } : null,
  };
}
