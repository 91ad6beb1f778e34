import { describe, expect, it } from "vitest";
import { csvField, plainNumber, singleLine, toCsv } from "./csv";

describe("RFC 4180 fields", () => {
  it.each([
    ["plain", "plain"],
    ["1,759", '"1,759"'],
    ['「"」付き', '"「""」付き"'],
    ["a\nb", '"a\nb"'],
    ["a\r\nb", '"a\r\nb"'],
    [" 前の空白", '" 前の空白"'],
    ["集計中", "集計中"],
    ["", ""],
  ])("%j → %j", (input, expected) => expect(csvField(input)).toBe(expected));

  it("writes an empty cell for null and undefined, never 0", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(0)).toBe("0");
  });

  it("writes numbers as plain decimals without separators or exponents", () => {
    expect(csvField(1759)).toBe("1759");
    expect(csvField(53.9)).toBe("53.9");
    expect(csvField(-1305)).toBe("-1305");
    expect(plainNumber(0.000001)).toBe("0.000001");
    expect(plainNumber(1e-7)).toBe("0.0000001");
    expect(plainNumber(1e21)).toBe("1000000000000000000000");
    expect(() => plainNumber(Number.NaN)).toThrow();
  });
});

describe("a CSV file", () => {
  it("starts with the UTF-8 BOM, has the header first and ends every record with CRLF", () => {
    const csv = toCsv(["年度", "数値", "表示値"], [[2023, 1759, "1,759"], [2022, null, "集計中"]]);
    expect(csv).toBe('\uFEFF年度,数値,表示値\r\n2023,1759,"1,759"\r\n2022,,集計中\r\n');
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("has only the header when there are no records", () => {
    expect(toCsv(["a", "b"], [])).toBe("\uFEFFa,b\r\n");
  });
});

describe("one line per value", () => {
  it("turns stray line breaks into spaces and keeps null", () => {
    expect(singleLine("速報\n値")).toBe("速報 値");
    expect(singleLine("a\r\nb\rc")).toBe("a b c");
    expect(singleLine(null)).toBeNull();
  });
});

describe("formula injection (OWASP CSV injection)", () => {
  it("neutralises every text cell a spreadsheet would read as a formula", () => {
    for (const attack of ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0", "- 箇条書きの項目"]) {
      const field = csvField(attack);
      const unquoted = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
      expect(unquoted.startsWith("'")).toBe(true);
      expect(unquoted.slice(1)).toBe(attack);
    }
  });
  it("leaves numbers, a lone sign and ordinary text alone", () => {
    expect(csvField(-7.7)).toBe("-7.7");
    expect(csvField("-7.7")).toBe("-7.7");
    expect(csvField("+3")).toBe("+3");
    expect(csvField("-")).toBe("-");
    expect(csvField("▲ 1833")).toBe("▲ 1833");
    expect(csvField("県内企業の設備投資")).toBe("県内企業の設備投資");
    expect(csvField("a=b")).toBe("a=b");
  });
});
