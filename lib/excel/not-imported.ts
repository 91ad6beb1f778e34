// Edits the import does not take (other years' actuals, baselines, targets, names, other years' narratives …)
// are never silently ignored: every cell of a matched row is compared with what an export of the plan as it is now
// would hold there, and each difference is listed as 「取り込まれない変更」 with its sheet, cell and KPI. Columns
// people added themselves are not compared (the layout allows them).
import type { Cell, CellValue } from "exceljs";
import { readValueInput } from "../sheets/value-input";
import type { ExportMeasure, ExportSeries } from "./build-workbook";
import { cellString, readExcelCell, type StoredCell } from "./cells";
import { NARRATIVE_FIELDS, yearOfHeader } from "./layout";

export type NotImported = {
  sheet: string;
  /** 「J12」 */
  cell: string;
  row: number;
  column: string;
  number: string;
  measureName: string;
  /** what the file holds, and what the plan holds now (text columns as text cells) */
  file: StoredCell | null;
  current: StoredCell | null;
};

const norm = (s: string) => s.normalize("NFKC").replace(/\r\n?/g, "\n").trim();
const asText = (s: string | null | undefined): StoredCell | null => (s && s.trim() ? { value: null, text: s } : null);

/** A value cell as the import reads it (a number, a typed number, or text), for comparison only. */
function fileValue(value: CellValue, unit: string | null): StoredCell | null {
  const read = readExcelCell(value);
  if (read.kind === "empty") return null;
  if (read.kind === "number") return { value: read.value, text: null };
  if (read.kind === "invalid") return { value: null, text: cellString(value) || "（読み取れない値）" };
  const typed = readValueInput(read.text, unit);
  return typed.ok ? { value: typed.value, text: read.text } : { value: null, text: read.text };
}

function sameValue(a: StoredCell | null, b: StoredCell | null, same: (a: StoredCell | null, b: StoredCell | null) => boolean): boolean {
  if (a?.text && b?.text && norm(a.text) === norm(b.text)) return true;
  return same(a, b);
}

type Expected = { kind: "text"; text: string | null } | { kind: "value"; cell: StoredCell | null; unit: string | null };

/** What the export writes under a 指標 header for a series, or undefined for a column it does not write / the import reads. */
export function expectedValueCell(header: string, m: ExportMeasure, s: ExportSeries): Expected | undefined {
  const year = yearOfHeader(header);
  if (year !== null) return { kind: "value", cell: s.actuals.get(year) ?? null, unit: s.unit };
  const texts: Record<string, string | null> = {
    No: m.number,
    指標名: m.name,
    担当部局: m.departments,
    担当課: m.divisions,
    区分: s.label,
    単位: s.unit,
    基準値年度: s.baselineYear,
    目標年度: s.targetYear,
  };
  // 進捗状況 and 判定の注記 are computed from the values (and the plan's rule) when the file is written: a
  // difference says the plan moved on since the export, not that the reader typed something, so they are not compared
  if (header in texts) return { kind: "text", text: texts[header] };
  if (header === "基準値") return { kind: "value", cell: s.baseline, unit: s.unit };
  if (header === "目標値") return { kind: "value", cell: s.target, unit: s.unit };
  return undefined;
}

/** What the export writes under a 記述 header for a measure's narratives of a year (none: empty). */
export function expectedNarrativeCell(header: string, m: ExportMeasure, year: number): Expected | undefined {
  const n = m.narratives.find((x) => x.evaluationYear === year);
  const texts: Record<string, string | null> = { No: m.number, 指標名: m.name, 担当部局: m.departments, 担当課: m.divisions };
  for (const f of NARRATIVE_FIELDS) texts[f.header] = n?.[f.field] ?? null;
  return header in texts ? { kind: "text", text: texts[header] } : undefined;
}

/** The difference between a file's cell and what the plan holds now, or null when they say the same. */
export function compareCell(
  cell: Cell,
  expected: Expected,
  where: Omit<NotImported, "cell" | "file" | "current">,
  same: (a: StoredCell | null, b: StoredCell | null) => boolean,
): NotImported | null {
  if (expected.kind === "text") {
    const file = cellString(cell.value);
    if (norm(file) === norm(expected.text ?? "")) return null;
    return { ...where, cell: cell.address, file: asText(file), current: asText(expected.text) };
  }
  const file = fileValue(cell.value, expected.unit);
  if (sameValue(file, expected.cell, same)) return null;
  return { ...where, cell: cell.address, file, current: expected.cell };
}
