import { describe, expect, it } from "vitest";
import { foundExactly, foundInSource, joinLineBreaks, missingNarrativeLines, narrativeDifference } from "./provenance";
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

describe("exact text: only line breaks joined", () => {
  it("joins line breaks with the layout blanks at the line edges, and changes nothing else", () => {
    expect(joinLineBreaks("　被災者の意向に沿った\n住まいの再建 \n")).toBe("被災者の意向に沿った住まいの再建");
    expect(joinLineBreaks("R５年度 ＩＣＴ－活用")).toBe("R５年度 ＩＣＴ－活用");
  });
  it("joins a table cell's printed line break (a space between non-ASCII characters) only in cell mode", () => {
    expect(joinLineBreaks("『まあ住みや すい』", { cells: true })).toBe("『まあ住みやすい』");
    expect(joinLineBreaks("『まあ住みや すい』")).toBe("『まあ住みや すい』");
    expect(joinLineBreaks("RE Action", { cells: true })).toBe("RE Action");
  });
  it("finds text only as printed: widths, dashes and separators count", () => {
    const printed = "『住みやすい』 『まあ住みや すい』と回答 した人の割合\n１，０２７人";
    expect(foundExactly("『住みやすい』『まあ住みやすい』と回答した人の割合", printed)).toBe(true);
    expect(foundExactly("『住みやすい』『まあ住みやすい』と回答した人の割合。", printed)).toBe(false);
    expect(foundExactly("1,027人", printed)).toBe(false);
    expect(foundInSource("1,027人", printed)).toBe(true);
  });
  it("names the first difference of a narrative", () => {
    expect(narrativeDifference("・取組を\n進めた。", "・取組を進\nめた。")).toBeNull();
    expect(narrativeDifference("・取組を進めた", "・取組を進めた。")).toBe("differs from its source lines at character 8: seeded （終わり）, printed 「。」");
  });
});
