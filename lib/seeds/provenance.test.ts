import { describe, expect, it } from "vitest";
import { foundInSource, missingNarrativeLines } from "./provenance";
import { sumDecimals } from "./check-provenance";

describe("foundInSource", () => {
  const source = "再建を目指す全ての事業者の事業再開\n累計 － 件\n44,00036,665\n実績値の推移\n3,666\n4,725\n5,209 5480";
  it("finds text across PDF line breaks", () => {
    expect(foundInSource("再建を目指す全ての事業者の事業再開", "再建を目指す全ての\n事業者の事業再開")).toBe(true);
  });
  it("finds each half of a fused token", () => {
    expect(foundInSource("44,000", source)).toBe(true);
    expect(foundInSource("36,665", source)).toBe(true);
  });
  it("accepts a thousands separator the chart label omits", () => {
    expect(foundInSource("5,480", source)).toBe(true);
  });
  it("rejects what is not there", () => {
    expect(foundInSource("5,481", source)).toBe(false);
    expect(foundInSource("防災士", source)).toBe(false);
  });
  it("lists the narrative lines it cannot find", () => {
    expect(missingNarrativeLines("再建を目指す\n架空の一文", source)).toEqual(["架空の一文"]);
  });
});

describe("sumDecimals", () => {
  it("adds exactly", () => {
    expect(sumDecimals(["2", "5", "1", "5", "6"])).toBe("19");
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals(["-1.5", "1"])).toBe("-0.5");
  });
});
