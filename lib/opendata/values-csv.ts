// values.csv from the JSON export (lib/export/dataset.ts), so that the CSV and the JSON can never disagree.
// Long layout (縦持ち): one row per measure, value series, kind of value and fiscal year; the number, its unit
// and its printed text in separate columns; an empty cell means "no number", never 0.
import type { DatasetExport } from "../export/dataset";
import { fiscalYearLabel } from "../fiscal-year";
import { toCsv, type CsvCell } from "./csv";
import { publicText } from "./public-text";
import { parseAsOfDate, parsePeriod, valueStatus } from "./dates";
import {
  AGGREGATION_LABELS,
  DIRECTION_LABELS,
  MEASURE_KIND_LABELS,
  TARGET_KIND_LABELS,
  VALUE_COLUMNS,
  VALUE_KIND_LABELS,
  type ValueColumnKey,
} from "./columns";

type ExportOrganization = DatasetExport["organizations"][number];
type ExportPlan = ExportOrganization["plans"][number];
type ExportMeasure = ExportPlan["measures"][number];
type ExportSeries = ExportMeasure["series"][number];
type Cell = ExportSeries["actuals"][number];

export type ValueRow = Partial<Record<ValueColumnKey, CsvCell>>;

/** 「知事公室／危機管理防災課；商工労働部／商工政策課」 */
export function ownersText(owners: ExportMeasure["owners"]): string {
  return owners.map((o) => (o.division ? `${o.department}／${o.division}` : o.department)).join("；");
}

function yearCells(fiscalYear: number | null): ValueRow {
  return fiscalYear === null ? {} : { fiscalYear, fiscalYearLabel: fiscalYearLabel(fiscalYear) };
}

/** The number, why it is missing, and the printed text; the period and the as-of date also in ISO 8601. */
function valueCells(value: number | null, text: string | null, period: string | null = null, asOf: string | null = null): ValueRow {
  const span = parsePeriod(period);
  return { value, valueStatus: valueStatus(value, text), text, period, periodStart: span?.start ?? null, periodEnd: span?.end ?? null, asOf, asOfDate: parseAsOfDate(asOf) };
}

/** planEnd: the plan's last fiscal year, the year of a target that prints none (a 前年比 target holds every year up
 *  to the plan's end), so that every row has its year (the fiscalYear column is required, rule L2-02). */
function seriesRows(s: ExportSeries, planEnd: number | null): ValueRow[] {
  const rows: ValueRow[] = [];
  const base = { seriesLabel: s.label, unit: s.unit };
  const yearly = (kind: keyof typeof VALUE_KIND_LABELS, c: Cell): ValueRow => ({
    ...base,
    valueKind: VALUE_KIND_LABELS[kind],
    ...yearCells(c.fiscalYear),
    ...valueCells(c.value, c.text, c.period, c.asOf),
    cellLabel: c.cellLabel,
    note: c.note,
  });
  if (s.baseline) {
    const b = s.baseline;
    rows.push({ ...base, valueKind: VALUE_KIND_LABELS.baseline, ...yearCells(b.fiscalYear), ...valueCells(b.value, b.text, b.period), printedYearLabel: b.printedYearLabel, cellLabel: b.cellLabel });
  }
  for (const c of s.actuals) rows.push(yearly("actual", c));
  if (s.target) {
    const t = s.target;
    rows.push({
      ...base,
      valueKind: VALUE_KIND_LABELS.target,
      ...yearCells(t.fiscalYear ?? t.periodEnd ?? planEnd),
      ...valueCells(t.value, t.text),
      targetKind: TARGET_KIND_LABELS[t.kind],
      targetDirection: t.direction ? DIRECTION_LABELS[t.direction] : null,
      targetPeriodStart: t.periodStart,
      targetPeriodEnd: t.periodEnd,
    });
  }
  for (const c of s.targetPath) rows.push(yearly("targetPath", c));
  for (const c of s.estimates) rows.push(yearly("estimate", c));
  // a comparison value (嘉麻市's 実績値（目標値比較）) with neither a number nor a printed text says nothing: no row
  if (s.comparison && (s.comparison.value !== null || s.comparison.text !== null)) {
    // the year the comparison stands at: the latest actual it sums or takes (the plan's period otherwise)
    const asOfYear = Math.max(...s.actuals.map((a) => a.fiscalYear ?? 0), 0);
    rows.push({ ...base, valueKind: VALUE_KIND_LABELS.comparison, ...yearCells(asOfYear || null), ...valueCells(s.comparison.value, s.comparison.text), aggregation: AGGREGATION_LABELS[s.comparison.aggregation] });
  }
  return rows;
}

/** Every value row of every plan in the export, in the plan's order of measures and series. */
export function valueRows(dataset: DatasetExport): ValueRow[] {
  return dataset.organizations.flatMap((o) =>
    o.plans.flatMap((p) =>
      p.measures.flatMap((m) => {
        const measure: ValueRow = {
          organizationCode: o.code,
          organizationName: o.name,
          planSlug: p.slug,
          planName: p.name,
          measureNumber: m.number,
          measureKind: MEASURE_KIND_LABELS[m.kind],
          measureName: m.name,
          owners: ownersText(m.owners),
        };
        return m.series.flatMap((s) => seriesRows(s, p.end?.fiscalYear ?? null).map((r) => ({ ...measure, ...r })));
      }),
    ),
  );
}

export function buildValuesCsv(dataset: DatasetExport): string {
  const records = valueRows(dataset).map((r) => VALUE_COLUMNS.map((c) => oneLine(r[c.key])));
  return toCsv(
    VALUE_COLUMNS.map((c) => c.key),
    records,
  );
}

function oneLine(cell: CsvCell): CsvCell {
  return typeof cell === "string" ? publicText(cell) : cell;
}
