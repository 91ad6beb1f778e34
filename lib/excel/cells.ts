// Values ⇄ Excel cells. A value whose printed text is its number (「1,759」「▲ 1,833」「45.6%」「平均△7.7」) becomes a
// number cell whose number format prints that same text; any other printed text (集計中, －, 完了 …) stays a
// text cell — never 0. Reading goes the other way, and never guesses a number from a date or a boolean.
import Decimal from "decimal.js";
import type { CellValue } from "exceljs";

export type StoredCell = { value: string | null; text: string | null };

export type ExcelCell = { kind: "number"; number: number; numFmt: string } | { kind: "text"; text: string };

const PRINTED = /^(?<pre>[^\d▲△\-−－.,"]*?)(?<sign>[▲△\-−－]\s*)?(?<int>\d{1,3}(?:,\d{3})+|\d+)(?<frac>\.\d+)?(?<suf>[^\d"]*)$/u;

const quote = (s: string) => (s ? `"${s}"` : "");

/** The cell to write for a stored value (number + printed text), or null for an empty cell. */
export function toExcelCell(cell: StoredCell | null | undefined): ExcelCell | null {
  if (!cell || (cell.value === null && (cell.text === null || cell.text.trim() === ""))) return null;
  if (cell.value === null) return { kind: "text", text: cell.text! };
  const value = new Decimal(cell.value);
  if (cell.text === null) {
    const decimals = value.decimalPlaces();
    return { kind: "number", number: value.toNumber(), numFmt: `#,##0${decimals ? `.${"0".repeat(decimals)}` : ""}` };
  }
  const m = PRINTED.exec(cell.text.trim());
  if (!m?.groups) return { kind: "text", text: cell.text };
  const { pre, sign = "", int, frac = "", suf } = m.groups;
  const printed = new Decimal(`${sign ? "-" : ""}${int.replace(/,/g, "")}${frac}`);
  // the text must say exactly the stored number, or the cell would print something else than the sheet
  if (!printed.eq(value) || (sign !== "" && !value.isNegative())) return { kind: "text", text: cell.text };
  const core = `${int.includes(",") ? "#,##0" : "0"}${frac ? `.${"0".repeat(frac.length - 1)}` : ""}`;
  const positive = `${quote(pre)}${core}${quote(suf)}`;
  const numFmt = sign ? `${positive};${quote(pre + sign)}${core}${quote(suf)}` : positive;
  return { kind: "number", number: value.toNumber(), numFmt };
}

export type ReadCell =
  | { kind: "empty" }
  | { kind: "number"; value: string }
  | { kind: "text"; text: string }
  | { kind: "invalid"; message: string };

const TYPE_MESSAGE = "数値または「集計中」などの文字で入力してください";

/** A number read from Excel (a double) as a decimal string: 15 significant digits, at most 6 decimals (the database's scale). */
export function numberToDecimal(n: number): string {
  return new Decimal(n.toPrecision(15)).toDecimalPlaces(6).toFixed();
}

/** What an Excel cell holds, as the import needs it. */
export function readExcelCell(value: CellValue): ReadCell {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value: numberToDecimal(value) } : { kind: "invalid", message: TYPE_MESSAGE };
  if (typeof value === "string") return value.trim() === "" ? { kind: "empty" } : { kind: "text", text: value.trim() };
  if (typeof value === "boolean") return { kind: "invalid", message: TYPE_MESSAGE };
  if (value instanceof Date) return { kind: "invalid", message: `日付になっています。${TYPE_MESSAGE}` };
  if ("richText" in value) return readExcelCell(value.richText.map((r) => r.text).join(""));
  if ("error" in value) return { kind: "invalid", message: `エラー値（${value.error}）になっています。${TYPE_MESSAGE}` };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || (typeof result === "object" && result !== null && !(result instanceof Date) && "error" in result)) {
      return { kind: "invalid", message: `数式の結果を読み取れません。値として貼り付けてから取り込んでください` };
    }
    return readExcelCell(result as CellValue);
  }
  if ("text" in value && typeof value.text === "string") return readExcelCell(value.text);
  return { kind: "invalid", message: TYPE_MESSAGE };
}

/** A cell as plain text (keys, headers): numbers as typed, rich text joined. */
export function cellString(value: CellValue): string {
  const read = readExcelCell(value);
  if (read.kind === "number") return read.value;
  if (read.kind === "text") return read.text;
  return "";
}
