// The machine-readability check of one plan's downloads (values.csv, narratives.csv, statuses.csv, data.xlsx), built from the
// same dataset the API serves. Used by the API (…/machine-readability.json), the open-data page and the tests.
import type { DatasetExport } from "../../export/dataset";
import { NARRATIVE_COLUMNS, STATUS_COLUMNS, VALUE_COLUMNS, type ColumnDef } from "../columns";
import { buildNarrativesCsv } from "../narratives-csv";
import { buildValuesCsv } from "../values-csv";
import { buildStatusesCsv } from "../statuses-csv";
import { DATA_SHEETS, FIELD_COLUMNS } from "../data-workbook";
import { CSV_BOM, CSV_ENCODING } from "../table-schema";
import { apiSchemaPath } from "../paths";
import { checkFile, summary, type FileSpec, type RuleResult, type TableSpec } from "./check";
import { readCsv, readXlsx } from "./read";

const REQUIRED_VALUES = ["organizationCode", "organizationName", "planSlug", "planName", "measureNumber", "measureKind", "measureName", "seriesLabel", "valueKind", "fiscalYear", "valueStatus"];
const REQUIRED_NARRATIVES = NARRATIVE_COLUMNS.map((c) => c.key);
const REQUIRED_STATUSES = ["organizationCode", "organizationName", "planSlug", "planName", "progressRule", "measureNumber", "measureKind", "measureName", "evaluationYear", "evaluationYearLabel", "measureStatus", "measureStatusLabel", "seriesLabel", "decidingSeries", "status", "statusLabel", "explanation"];

const table = (sheet: string, columns: readonly ColumnDef[], required: readonly string[]): TableSpec => ({ sheet, columns, required });
const COLUMNS = { values: VALUE_COLUMNS, narratives: NARRATIVE_COLUMNS, statuses: STATUS_COLUMNS } as const;
const meta = (schema: keyof typeof COLUMNS, csv: boolean): FileSpec["metadata"] => ({
  schemaUrl: apiSchemaPath(schema),
  encoding: csv ? CSV_ENCODING : null,
  bom: csv ? CSV_BOM : null,
  fieldsHaveTitles: (COLUMNS[schema] as readonly ColumnDef[]).every((c) => c.title && c.description),
});

export const VALUES_CSV_SPEC: FileSpec = { tables: [table("csv", VALUE_COLUMNS, REQUIRED_VALUES)], metadata: meta("values", true) };
export const NARRATIVES_CSV_SPEC: FileSpec = { tables: [table("csv", NARRATIVE_COLUMNS, REQUIRED_NARRATIVES)], metadata: meta("narratives", true) };
export const STATUSES_CSV_SPEC: FileSpec = { tables: [table("csv", STATUS_COLUMNS, REQUIRED_STATUSES)], metadata: meta("statuses", true) };
export const DATA_XLSX_SPEC: FileSpec = {
  tables: [
    table(DATA_SHEETS.values, VALUE_COLUMNS, REQUIRED_VALUES),
    table(DATA_SHEETS.narratives, NARRATIVE_COLUMNS, REQUIRED_NARRATIVES),
    table(DATA_SHEETS.statuses, STATUS_COLUMNS, REQUIRED_STATUSES),
    table(DATA_SHEETS.fields, FIELD_COLUMNS, ["sheet", "field", "title", "type", "description"]),
  ],
  metadata: meta("values", false),
};

export type FileCheck = { file: "values.csv" | "narratives.csv" | "statuses.csv" | "data.xlsx"; results: RuleResult[]; summary: ReturnType<typeof summary> };

const result = (file: FileCheck["file"], results: RuleResult[]): FileCheck => ({ file, results, summary: summary(results) });

/** Checks the bytes a reader downloads: the CSV text as UTF-8 with its BOM, the workbook as built. */
export function checkPlanFiles(dataset: DatasetExport, xlsx: Uint8Array): FileCheck[] {
  const bytes = (s: string) => new TextEncoder().encode(s);
  return [
    result("values.csv", checkFile(readCsv(bytes(buildValuesCsv(dataset))), VALUES_CSV_SPEC)),
    result("narratives.csv", checkFile(readCsv(bytes(buildNarrativesCsv(dataset))), NARRATIVES_CSV_SPEC)),
    result("statuses.csv", checkFile(readCsv(bytes(buildStatusesCsv(dataset))), STATUSES_CSV_SPEC)),
    result("data.xlsx", checkFile(readXlsx(xlsx), DATA_XLSX_SPEC)),
  ];
}
