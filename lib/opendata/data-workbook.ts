// The open-data workbook (data.xlsx): the three CSV tables as three sheets, with the same ASCII headers, rows and
// missing-value convention, plus a sheet of field definitions. One table per sheet, header in row 1, numbers
// as number cells, no formulas, no merged or hidden cells, no comments or drawings, no formatting that carries
// meaning (rules L1-02 … L3-09). The staff workbook for Excel import (lib/excel/build-workbook.ts) keeps the
// sheet's layout instead; this one is for programs.
import ExcelJS from "exceljs";
import type { DatasetExport } from "../export/dataset";
import { NARRATIVE_COLUMNS, STATUS_COLUMNS, VALUE_COLUMNS, type ColumnDef } from "./columns";
import { valueRows } from "./values-csv";
import { narrativeRows } from "./narratives-csv";
import { statusRows } from "./statuses-csv";
import { publicText } from "./public-text";

export const DATA_SHEETS = { values: "values", narratives: "narratives", statuses: "statuses", fields: "fields" } as const;

const def = (key: string, title: string): ColumnDef => ({ key, title, type: "string", unit: null, description: title, example: "", json: "" });
/** the fields sheet: the definition of every column of the data sheets */
export const FIELD_COLUMNS: readonly ColumnDef[] = [def("sheet", "シート"), def("field", "フィールド名"), def("title", "項目名"), def("type", "型"), def("unit", "単位"), def("description", "内容")];

type Cell = string | number | null | undefined;

function addTable(wb: ExcelJS.Workbook, name: string, columns: readonly ColumnDef[], rows: readonly Partial<Record<string, Cell>>[]) {
  const ws = wb.addWorksheet(name);
  ws.addRow(columns.map((c) => c.key));
  for (const r of rows) {
    ws.addRow(columns.map((c) => {
      const v = r[c.key];
      if (v === null || v === undefined || v === "") return null;
      return typeof v === "string" ? publicText(v) : v;
    }));
  }
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = Math.min(40, Math.max(10, c.key.length + 2))));
}

export function buildDataWorkbook(dataset: DatasetExport, generatedAt: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KPI ダッシュボード";
  wb.created = generatedAt;
  wb.modified = generatedAt;
  addTable(wb, DATA_SHEETS.values, VALUE_COLUMNS, valueRows(dataset));
  addTable(wb, DATA_SHEETS.narratives, NARRATIVE_COLUMNS, narrativeRows(dataset));
  addTable(wb, DATA_SHEETS.statuses, STATUS_COLUMNS, statusRows(dataset));
  const fields = [
    ...VALUE_COLUMNS.map((c) => ({ sheet: DATA_SHEETS.values, field: c.key, title: c.title, type: c.type, unit: c.unit, description: c.description })),
    ...NARRATIVE_COLUMNS.map((c) => ({ sheet: DATA_SHEETS.narratives, field: c.key, title: c.title, type: c.type, unit: c.unit, description: c.description })),
    ...STATUS_COLUMNS.map((c) => ({ sheet: DATA_SHEETS.statuses, field: c.key, title: c.title, type: c.type, unit: c.unit, description: c.description })),
  ];
  addTable(wb, DATA_SHEETS.fields, FIELD_COLUMNS, fields);
  return wb;
}

export async function buildDataXlsx(dataset: DatasetExport, generatedAt: Date): Promise<Uint8Array> {
  return new Uint8Array((await buildDataWorkbook(dataset, generatedAt).xlsx.writeBuffer()) as ArrayBuffer);
}
