import { describe, expect, it } from "vitest";
import { joinUnitPath, recomputePaths, unitNameProblem } from "./path";

describe("unit paths", () => {
  it.each([
    [null, "商工労働部", "商工労働部"],
    ["商工労働部", "商工政策課", "商工労働部 / 商工政策課"],
    ["知事公室", "広報グループ", "知事公室 / 広報グループ"],
  ])("%s + %s", (parent, name, path) => expect(joinUnitPath(parent, name)).toBe(path));

  it("recomputes a renamed 部 and its 課", () => {
    expect(recomputePaths({ id: "d", name: "産業振興部" }, null, [{ id: "c1", name: "商工政策課" }, { id: "c2", name: "観光課" }])).toEqual([
      { id: "d", path: "産業振興部" },
      { id: "c1", path: "産業振興部 / 商工政策課" },
      { id: "c2", path: "産業振興部 / 観光課" },
    ]);
  });

  it("recomputes a 課 moved under another 部", () => {
    expect(recomputePaths({ id: "c", name: "観光課" }, "観光戦略部", [])).toEqual([{ id: "c", path: "観光戦略部 / 観光課" }]);
  });

  it.each([
    ["", "入力"],
    ["   ", "入力"],
    ["a/b", "「/」"],
    ["商工／観光課", "「/」"],
    ["あ".repeat(61), "60文字"],
  ])("refuses the name %j", (name, message) => expect(unitNameProblem(name)).toContain(message));

  it("accepts ordinary names", () => expect(unitNameProblem("企画振興部")).toBeNull());
});
