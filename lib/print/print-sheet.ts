// One printed KPI sheet (ＫＰＩ分析シート 別記様式２) as plain data: the KPI page's view (status, trend,
// narratives) laid out as the familiar form. Pure: takes what the queries loaded.
import { buildMeasureView } from "../measures/measure-view";
import type { MeasurePageData } from "../measures/queries";
import { buildSheetTable, pointText, trendUpTo, type SheetTable } from "./sheet-table";
import { shortEraYear } from "../fiscal-year";
import { chooseDensity, type Density } from "./layout";
import type { Trend } from "../measures/trend";
import type { MeasureStatus } from "../progress/types";

export type PrintSheet = {
  /** the plan's printed form name (熊本県's ＜別記様式２＞); null: the sheet has none */
  formName: string | null;
  number: string;
  name: string;
  footnote: string | null;
  departments: string;
  divisions: string;
  /** 「知事公室 危機管理防災課」, several joined by 「、」 */
  ownerLabel: string;
  ownerIds: string[];
  year: number;
  table: SheetTable;
  /** the chart's data: the trend up to the evaluation year, without targets that are no level to draw */
  trend: Trend;
  chartYears: number[];
  status: MeasureStatus;
  entry: { evaluationYear: number; effortStatus: string | null; issues: string | null; direction: string | null } | null;
  notes: string[];
  source: { title: string; file: string; lines: [number | null, number | null] } | null;
  entrySource: { file: string; lines: readonly [number | null, number | null] } | null;
  confidence: "high" | "medium" | "low";
  density: Density;
};

/** What a sheet needs of the KPI page's data (a sheet has no previous / next links). */
export type SheetData = Pick<MeasurePageData, "measure" | "planLatestYear">;

const unique = (xs: string[]) => [...new Set(xs)];

export function buildPrintSheet(data: SheetData, requestedYear?: number): PrintSheet {
  const { measure } = data;
  const plan = measure.plan;
  // the view reads neither previous nor next
  const view = buildMeasureView({ ...data, previous: null, next: null } as unknown as MeasurePageData, requestedYear);
  const year = view.year;
  const trend = trendUpTo(view.trend, year);
  const table = buildSheetTable(trend, measure.series, plan, year);
  // a five-year total (5年間に40件) is compared with the sum of the actuals, not with a year's value
  const chartTrend = { ...trend, series: trend.series.map((s, i) => (measure.series[i]?.targetKind === "period_total" ? { ...s, target: null } : s)) };
  const baselineYears = trend.series.flatMap((s) => s.points.filter((p) => p.isBaseline).map((p) => p.year));
  const targetYears = trend.series.flatMap((s) => (s.target?.year != null ? [s.target.year] : []));
  const chartYears = [...new Set([...baselineYears, ...table.years.map((y) => y.year), ...targetYears])].sort((a, b) => a - b);
  // 基本目標: the yearly targets and projections, which have no column on the form
  const pathNotes = trend.series.flatMap((s) =>
    (
      [
        ["目標値", s.targetPath],
        ["推計値", s.estimates],
      ] as const
    )
      .filter(([, cells]) => cells.length > 0)
      .map(([what, cells]) => `${trend.series.length > 1 ? `${s.label} ` : ""}${what}：${cells.map((c) => `${shortEraYear(c.year)} ${pointText(c)}`).join("、")}`),
  );
  const notes = [...measure.notes, ...view.cellNotes, ...pathNotes];
  const entry = view.entry && {
    evaluationYear: view.entry.evaluationYear,
    effortStatus: view.entry.effortStatus,
    issues: view.entry.issues,
    direction: view.entry.direction,
  };
  return {
    formName: plan.printFormName?.trim() || null,
    number: measure.number,
    name: measure.name,
    footnote: measure.footnote,
    departments: unique(view.owners.map((o) => o.department)).join("・"),
    divisions: unique(view.owners.flatMap((o) => (o.division ? [o.division] : []))).join("・"),
    ownerLabel: view.owners.map((o) => [o.department, o.division].filter(Boolean).join(" ")).join("、"),
    ownerIds: unique(view.owners.map((o) => o.departmentId)),
    year,
    table,
    trend: chartTrend,
    chartYears,
    status: view.status,
    entry,
    notes,
    source: measure.sourceDocument
      ? { title: measure.sourceDocument.title, file: measure.sourceDocument.fileName, lines: [measure.sourceLineStart, measure.sourceLineEnd] }
      : null,
    entrySource: view.entry?.source && view.entry.source.file !== measure.sourceDocument?.fileName ? view.entry.source : null,
    confidence: measure.confidence,
    density: chooseDensity({
      name: measure.name,
      rows: Math.max(trend.series.length, 1),
      narratives: entry ? [entry.effortStatus, entry.issues, entry.direction] : [null, null, null],
      notes: [...(measure.footnote ? [`（＊）${measure.footnote}`] : []), ...notes],
    }),
  };
}
