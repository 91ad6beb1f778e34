// The KPI page as plain data: status for the evaluation year, trend, the sheet entry to show, notes.
import { measureStatus } from "./measure-status";
import { fiscalYearLabel } from "../fiscal-year";
import { ownersOf } from "../plans/overview";
import { latestActualYear, resolveEvaluationYear } from "../plans/evaluation-year";
import { planRule, toSeriesInput } from "./series-input";
import { officialScale } from "../progress/evaluate";
import { buildTrend, type ChartProjection, type Trend } from "./trend";
import type { MeasureStatus } from "../progress/types";
import type { MeasurePageData } from "./queries";

export function buildMeasureView(data: MeasurePageData, requestedYear?: number) {
  const { measure } = data;
  const plan = measure.plan;
  const actualsOnly = measure.series.map((s) => ({ ...s, values: s.values.filter((v) => v.kind === "actual") }));
  const entryYears = measure.entries.map((e) => e.evaluationYear);
  const year = resolveEvaluationYear(plan, data.planLatestYear ?? latestActualYear(plan, [{ series: actualsOnly }]), requestedYear);
  const ratingOfYear = measure.officialRatings.find((r) => r.evaluationYear === year) ?? null;
  const rating = ratingOfYear ?? measure.officialRatings.at(-1) ?? null;
  const status = measureStatus(measure.kind, measure.series.map(toSeriesInput), planRule(plan), year, rating?.rating ?? null, rating?.reason ?? null);
  const trend = buildTrend(measure.series);
  const entry = measure.entries.find((e) => e.evaluationYear === year) ?? measure.entries.at(-1) ?? null;
  const KIND_LABELS: Record<string, string> = { actual: "実績値", target: "目標値", estimate: "推計値" };
  const cellNotes = [
    ...new Set(
      measure.series.flatMap((s) =>
        s.values
          .filter((v) => v.note || v.label || v.period || v.asOf)
          .map((v) => {
            const what = [v.label && `表記 ${v.label}`, v.period && `期間 ${v.period}`, v.asOf && v.asOf, v.note].filter(Boolean).join("、");
            return `${s.label}（${KIND_LABELS[v.kind] ?? v.kind}・${fiscalYearLabel(v.fiscalYear)}）：${what}`;
          }),
      ),
    ),
  ];
  const sectionTrail = [measure.section?.parent, measure.section]
    .filter((s): s is NonNullable<typeof s> => Boolean(s))
    .map((s) => ({ key: s.key, title: [s.label, s.title].filter(Boolean).join(" ") }));
  return {
    year,
    status,
    /** the official rating set for this very year (the form's current value), and the scale it is chosen from */
    ratingOfYear: ratingOfYear && { rating: ratingOfYear.rating, reason: ratingOfYear.reason },
    ratingScale: officialScale(plan.progressRule),
    trend,
    projections: chartProjections(trend, status, year),
    owners: ownersOf(measure),
    entryYears,
    entry: entry && {
      evaluationYear: entry.evaluationYear,
      effortStatus: entry.publishedEffortStatus,
      issues: entry.publishedIssues,
      direction: entry.publishedDirection,
      source: entry.sourceDocument ? { file: entry.sourceDocument.fileName, title: entry.sourceDocument.title, lines: [entry.sourceLineStart, entry.sourceLineEnd] as const } : null,
    },
    cellNotes,
    sectionTrail,
  };
}

/** 見込み lines for the chart: from each series' last numeric actual up to the evaluation year to its projection. */
function chartProjections(trend: Trend, status: MeasureStatus, year: number): ChartProjection[] {
  return status.series.flatMap((s, i) => {
    const series = trend.series[i];
    if (!s.projection || !series) return [];
    const last = series.points.filter((p) => !p.isBaseline && p.value !== null && p.year <= year).at(-1);
    return last ? [{ key: series.key, fromYear: last.year, fromValue: last.value as number, year: s.projection.year, value: Number(s.projection.value) }] : [];
  });
}
