// values.csv from the JSON export (lib/export/dataset.ts), so that the CSV and the JSON can never disagree.
// Long layout (縦持ち): one row per measure, value series, kind of value and fiscal year; the number, its unit
// and its printed text in separate columns; an empty cell means "no number", never 0.
import type { DatasetExport } from "../export/dataset";
import { fiscalYearLabel } from "../fiscal-year";
import { toCsv, singleLine, type CsvCell } from "./csv";
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

function seriesRows(s: ExportSeries): ValueRow[] {
  const rows: ValueRow[] = [];
  const base = { seriesLabel: s.label, unit: s.unit };
  const yearly = (kind: keyof typeof VALUE_KIND_LABELS, c: Cell): ValueRow => ({
    ...base,
    valueKind: VALUE_KIND_LABELS[kind],
    ...yearCells(c.fiscalYear),
    value: c.value,
    text: c.text,
    cellLabel: c.cellLabel,
    period: c.period,
    asOf: c.asOf,
    note: c.note,
  });
  if (s.baseline) {
    const b = s.baseline;
    rows.push({ ...base, valueKind: VALUE_KIND_LABELS.baseline, ...yearCells(b.fiscalYear), value: b.value, text: b.text, printedYearLabel: b.printedYearLabel, cellLabel: b.cellLabel, period: b.period });
  }
  for (const c of s.actuals) rows.push(yearly("actual", c));
  if (s.target) {
    const t = s.target;
    rows.push({
      ...base,
      valueKind: VALUE_KIND_LABELS.target,
      ...yearCells(t.fiscalYear),
      value: t.value,
      text: t.text,
      targetKind: TARGET_KIND_LABELS[t.kind],
      targetDirection: t.direction ? DIRECTION_LABELS[t.direction] : null,
      targetPeriodStart: t.periodStart,
      targetPeriodEnd: t.periodEnd,
    });
  }
  for (const c of s.targetPath) rows.push(yearly("targetPath", c));
  for (const c of s.estimates) rows.push(yearly("estimate", c));
  if (s.comparison) {
    rows.push({ ...base, valueKind: VALUE_KIND_LABELS.comparison, value: s.comparison.value, text: s.comparison.text, aggregation: AGGREGATION_LABELS[s.comparison.aggregation] });
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
        return m.series.flatMap((s) => seriesRows(s).map((r) => ({ ...measure, ...r })));
      }),
    ),
  );
}

export function buildValuesCsv(dataset: DatasetExport): string {
  const records = valueRows(dataset).map((r) => VALUE_COLUMNS.map((c) => oneLine(r[c.key])));
  return toCsv(
    VALUE_COLUMNS.map((c) => c.header),
    records,
  );
}

function oneLine(cell: CsvCell): CsvCell {
  return typeof cell === "string" ? singleLine(cell) : cell;
}
