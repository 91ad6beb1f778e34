import { describe, expect, it } from "vitest";
import { readValueInput } from "./value-input";

describe("readValueInput", () => {
  it.each([
    ["1759", "人", "1759", "1,759"],
    ["1,759", "人", "1759", "1,759"],
    ["１，７５９", "人", "1759", "1,759"],
    ["1,759人", "人", "1759", "1,759"],
    ["１７５９人", "人", "1759", "1,759"],
    ["▲12", "件", "-12", "▲12"],
    ["△1,305", null, "-1305", "▲1,305"],
    ["45.6%", "%", "45.6", "45.6"],
    ["４５．６％", "%", "45.6", "45.6"],
    [" 8,709 ", "件/4年", "8709", "8,709"],
  ])("reads %s (unit %s) as %s", (raw, unit, value, text) => {
    expect(readValueInput(raw, unit)).toEqual({ ok: true, value, text });
  });

  it("keeps text cells as text", () => {
    expect(readValueInput("集計中", "件")).toEqual({ ok: true, value: null, text: "集計中" });
    expect(readValueInput("-", "件")).toEqual({ ok: true, value: null, text: "－" });
    expect(readValueInput("", "件")).toEqual({ ok: true, value: null, text: null });
  });

  it.each(["abc", "12a", "1,75,9", "１２・３", "たくさん"])("refuses %s with a message", (raw) => {
    const r = readValueInput(raw, "件");
    expect(r.ok).toBe(false);
  });
});
