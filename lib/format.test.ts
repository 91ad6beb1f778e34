import { describe, expect, it } from "vitest";
import { cellText, formatDecimal } from "./format";

describe("formatDecimal", () => {
  it.each([
    ["8709", "8,709"],
    ["1759", "1,759"],
    ["53.900000", "53.9"],
    ["100.000000", "100"],
    ["-1305", "-1,305"],
    ["0", "0"],
    ["1234567.25", "1,234,567.25"],
  ])("%s → %s", (v, s) => expect(formatDecimal(v)).toBe(s));
  it("prefers the printed text of a cell", () => {
    expect(cellText({ value: null, text: "集計中" })).toBe("集計中");
    expect(cellText({ value: "1759", text: "1,759" })).toBe("1,759");
    expect(cellText({ value: "1759", text: null })).toBe("1,759");
  });
});
