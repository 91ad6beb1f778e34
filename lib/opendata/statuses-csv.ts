// statuses.csv from the JSON export's measures[].statuses[]: the status each KPI gets by its plan's own rule in
// each evaluation year, one row per measure × evaluation year × value series (long layout), so that each
// series' rate, expected value, projection and explanation are one datum per cell. The measure's status and the
// official rating (one per measure and year) repeat on each of its series' rows. The 見込み (projection) columns
// are an estimate from the actuals so far and say so; they are never an actual.
import type { DatasetExport } from "../export/dataset";
import { toCsv, type CsvCell } from "./csv";
import { publicText } from "./public-text";
import { MEASURE_KIND_LABELS, STATUS_COLUMNS, type StatusColumnKey } from "./columns";

export type StatusRow = Partial<Record<StatusColumnKey, CsvCell>>;

const yesNo = (b: boolean | null | undefined): string | null => (b === true ? "true" : b === false ? "false" : null);

/** Every status row of every plan in the export, in the plan's order of measures, years and series. */
export function statusRows(dataset: DatasetExport): StatusRow[] {
  return dataset.organizations.flatMap((o) =>
    o.plans.flatMap((p) =>
      p.measures.flatMap((m) =>
        m.statuses.flatMap((st) => {
          const measure: StatusRow = {
            organizationCode: o.code,
            organizationName: o.name,
            planSlug: p.slug,
            planName: p.name,
            progressRule: p.progressRule,
            measureNumber: m.number,
            measureKind: MEASURE_KIND_LABELS[m.kind],
            measureName: m.name,
            evaluationYear: st.evaluationYear,
            evaluationYearLabel: st.evaluationYearLabel,
            measureStatus: st.status,
            measureStatusLabel: st.statusLabel,
            officialRating: st.official?.rating ?? null,
            officialAgrees: yesNo(st.official?.agrees),
            officialReason: st.official?.reason ?? null,
          };
          const units = new Map(m.series.map((s) => [s.label, s.unit]));
          return st.series.map((s): StatusRow => ({
            ...measure,
            seriesLabel: s.label,
            decidingSeries: yesNo(st.decidingSeries === null ? false : st.decidingSeries === s.label),
            status: s.status,
            statusLabel: s.statusLabel,
            rate: s.rate,
            judgedYear: s.evaluatedYear,
            pendingNote: s.pending?.note ?? null,
            unit: units.get(s.label) ?? null,
            expectedValue: s.expected?.value ?? null,
            expectedRate: s.expected?.rate ?? null,
            projectionYear: s.projection?.fiscalYear ?? null,
            projectionValue: s.projection?.value ?? null,
            projectionPoints: s.projection?.points ?? null,
            projectionText: s.projection?.text ?? null,
            explanation: s.explanation,
          }));
        }),
      ),
    ),
  );
}

/** Rates are percentages to one decimal, as the rules compute them: written with that decimal (75.0, not 75),
 *  so that a reader's program takes the column as decimal numbers. */
const PERCENT_COLUMNS: ReadonlySet<string> = new Set<StatusColumnKey>(["rate", "expectedRate"]);

function cell(key: StatusColumnKey, v: CsvCell): CsvCell {
  if (typeof v === "string") return publicText(v);
  if (typeof v === "number" && PERCENT_COLUMNS.has(key)) return v.toFixed(1);
  return v;
}

export function buildStatusesCsv(dataset: DatasetExport): string {
  return toCsv(
    STATUS_COLUMNS.map((c) => c.key),
    statusRows(dataset).map((r) => STATUS_COLUMNS.map((c) => cell(c.key, r[c.key]))),
  );
}
