import { describe, expect, it } from "vitest";
import { numberToDecimal, readExcelCell, toExcelCell } from "./cells";

describe("toExcelCell: the printed text survives as a number format, text cells stay text", () => {
  it.each([
    [{ value: "1759", text: "1,759" }, { kind: "number", number: 1759, numFmt: "#,##0" }],
    [{ value: "8709", text: "8709" }, { kind: "number", number: 8709, numFmt: "0" }],
    [{ value: "53.9", text: "53.90" }, { kind: "number", number: 53.9, numFmt: "0.00" }],
    [{ value: "-1833", text: "▲ 1,833" }, { kind: "number", number: -1833, numFmt: '#,##0;"▲ "#,##0' }],
    [{ value: "-7.7", text: "平均△7.7" }, { kind: "number", number: -7.7, numFmt: '"平均"0.0;"平均△"0.0' }],
    [{ value: "45.6", text: "45.6%" }, { kind: "number", number: 45.6, numFmt: '0.0"%"' }],
    [{ value: "21", text: "21事業以上" }, { kind: "number", number: 21, numFmt: '0"事業以上"' }],
    [{ value: "12.5", text: null }, { kind: "number", number: 12.5, numFmt: "#,##0.0" }],
    [{ value: "0", text: "0" }, { kind: "number", number: 0, numFmt: "0" }],
  ])("%j → %j", (cell, expected) => {
    expect(toExcelCell(cell)).toEqual(expected);
  });

  it.each([
    [{ value: null, text: "集計中" }, "集計中"],
    [{ value: null, text: "－" }, "－"],
    [{ value: null, text: "完了" }, "完了"],
    [{ value: "40", text: "5年間に40件" }, "5年間に40件"],
    [{ value: "1759", text: "1,760" }, "1,760"], // the text says another number: keep the text
    [{ value: "1305", text: "△1305" }, "△1305"], // a minus sign on a positive number: keep the text
  ])("%j is the text %s, never 0", (cell, text) => {
    expect(toExcelCell(cell)).toEqual({ kind: "text", text });
  });

  it("an empty cell is no cell", () => {
    expect(toExcelCell(null)).toBeNull();
    expect(toExcelCell({ value: null, text: null })).toBeNull();
    expect(toExcelCell({ value: null, text: " " })).toBeNull();
  });
});

describe("readExcelCell", () => {
  it.each([
    [1759, { kind: "number", value: "1759" }],
    [0.1 + 0.2, { kind: "number", value: "0.3" }],
    [-7.7, { kind: "number", value: "-7.7" }],
    [1 / 3, { kind: "number", value: "0.333333" }],
    ["集計中", { kind: "text", text: "集計中" }],
    ["  1,759 ", { kind: "text", text: "1,759" }],
    ["", { kind: "empty" }],
    [null, { kind: "empty" }],
    [{ richText: [{ text: "集計" }, { text: "中" }] }, { kind: "text", text: "集計中" }],
    [{ formula: "A1*2", result: 42 }, { kind: "number", value: "42" }],
  ])("%j → %j", (value, expected) => {
    expect(readExcelCell(value as never)).toEqual(expected);
  });

  it("refuses what is neither a number nor text", () => {
    expect(readExcelCell(true).kind).toBe("invalid");
    expect(readExcelCell(new Date(2023, 3, 1))).toMatchObject({ kind: "invalid", message: expect.stringContaining("日付") });
    expect(readExcelCell({ error: "#N/A" } as never)).toMatchObject({ kind: "invalid", message: expect.stringContaining("#N/A") });
    expect(readExcelCell({ formula: "A1" } as never)).toMatchObject({ kind: "invalid", message: expect.stringContaining("数式") });
  });

  it("numberToDecimal never writes an exponent", () => {
    expect(numberToDecimal(1e21)).toBe("1000000000000000000000");
    expect(numberToDecimal(1e-7)).toBe("0");
    expect(numberToDecimal(123456789012)).toBe("123456789012");
  });
});
