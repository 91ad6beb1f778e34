// Stored values ⇄ the plan workbook's cells. A baseline or target is two columns: the number (a number cell
// whose format prints the stored text where it can) and 「…の印字」, written only when the printed text is not
// the number's usual form (「2兆8,461」, 「前年比減」, 「集計中」). A yearly target has one column: a number cell,
// or a text cell for a printed text. Reading gives strings as staff type them, for the definition schema.
import Decimal from "decimal.js";
import type { CellValue } from "exceljs";
import { toExcelCell, type ExcelCell } from "../excel/cells";
import { parseEraYear } from "../fiscal-year";
import { MAX_DECIMALS, readCell, type Cell } from "../setup/measure-schema";

/** The printed text the definition schema derives from a number (「1,027」「▲12」). */
export function derivedText(value: string, unit: string | null): string | null {
  const read = readCell(value, unit);
  return read.ok ? read.cell.text : null;
}

/** Doubles keep 15 significant digits: a longer decimal is written as text so no digit is lost. */
function fitsDouble(value: string): boolean {
  const d = new Decimal(value);
  return new Decimal(d.toNumber().toPrecision(15)).eq(d);
}

/** The number column of a baseline or target. */
export function valueColumnCell(c: Cell | null): ExcelCell | null {
  if (!c || c.value === null) return null;
  if (!fitsDouble(c.value)) return { kind: "text", text: new Decimal(c.value).toFixed() };
  const printed = toExcelCell({ value: c.value, text: c.text });
  return printed?.kind === "number" ? printed : toExcelCell({ value: c.value, text: null });
}

/** The 「…の印字」 column: the stored text when the number alone would not give it back. */
export function printedColumnText(c: Cell | null, unit: string | null): string | null {
  if (!c || c.text === null) return null;
  if (c.value === null) return c.text;
  return derivedText(c.value, unit) === c.text ? null : c.text;
}

/** A yearly target's single column. */
export function yearlyTargetCell(c: Cell): ExcelCell | null {
  if (c.value !== null && !fitsDouble(c.value)) return { kind: "text", text: c.text ?? new Decimal(c.value).toFixed() };
  return toExcelCell(c);
}

/** A number cell shown as a percentage (Excel stores 「50%」 typed into a cell as 0.5 with the format 0%): the value
 *  a person typed, 50, as the KPIs' unit 「%」 counts it. A percent sign in quotes (0.0"%") is only text. */
export function typedCellValue(cell: { value: CellValue; numFmt?: string }): CellValue {
  const format = (cell.numFmt ?? "").replace(/"[^"]*"/g, "").replace(/\\./g, "");
  if (typeof cell.value !== "number" || !format.includes("%")) return cell.value;
  return Number(new Decimal(cell.value).times(100).toPrecision(15));
}

export type Read = { kind: "empty" } | { kind: "number"; value: string } | { kind: "text"; text: string } | { kind: "invalid"; message: string };

const TYPE_MESSAGE = "数値または「集計中」などの文字で入力してください";

/** What a cell holds. A number keeps 15 significant digits and must have at most six decimals (never rounded). */
export function readCellValue(value: CellValue): Read {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "invalid", message: TYPE_MESSAGE };
    const d = new Decimal(value.toPrecision(15));
    if (d.decimalPlaces() > MAX_DECIMALS) return { kind: "invalid", message: `小数点以下は${MAX_DECIMALS}桁までです` };
    return { kind: "number", value: d.toFixed() };
  }
  if (typeof value === "string") return value.trim() === "" ? { kind: "empty" } : { kind: "text", text: value.replace(/\r\n?/g, "\n").trim() };
  if (typeof value === "boolean") return { kind: "invalid", message: `TRUE/FALSE になっています。${TYPE_MESSAGE}` };
  if (value instanceof Date) return { kind: "invalid", message: `日付になっています。${TYPE_MESSAGE}（セルの書式を「文字列」または「標準」にしてください）` };
  if (typeof value === "object") {
    if ("richText" in value) return readCellValue(value.richText.map((r) => r.text).join(""));
    if ("error" in value) return { kind: "invalid", message: `エラー値（${value.error}）になっています` };
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || (typeof result === "object" && result !== null && !(result instanceof Date) && "error" in result)) {
        return { kind: "invalid", message: "数式の結果を読み取れません。値として貼り付けてから取り込んでください" };
      }
      return readCellValue(result as CellValue);
    }
    if ("text" in value && typeof value.text === "string") return readCellValue(value.text);
  }
  return { kind: "invalid", message: TYPE_MESSAGE };
}

/** A text column (names, printed texts): a number typed there is kept as its digits, never read as a number. */
export function readText(value: CellValue): { ok: true; text: string | null } | { ok: false; message: string } {
  const r = readCellValue(value);
  if (r.kind === "empty") return { ok: true, text: null };
  if (r.kind === "number") return { ok: true, text: r.value };
  if (r.kind === "text") return { ok: true, text: r.text };
  return { ok: false, message: r.message.replace(TYPE_MESSAGE, "文字で入力してください") };
}

/** A fiscal-year cell: 2024, 「2024」, 「R6」「令和6」「令和6年度」. */
export function readYear(value: CellValue): { ok: true; year: number | string | null } | { ok: false; message: string } {
  const r = readCellValue(value);
  if (r.kind === "empty") return { ok: true, year: null };
  if (r.kind === "invalid") return { ok: false, message: r.message.replace(TYPE_MESSAGE, "年度は西暦の数字で入力してください（例：2024）") };
  if (r.kind === "number") return { ok: true, year: r.value };
  const t = r.text.normalize("NFKC").replace(/\s+/g, "").replace(/年度?$/, "");
  const era = parseEraYear(t);
  if (era !== null) return { ok: true, year: era };
  return { ok: true, year: t };
}
