import { describe, expect, it } from "vitest";
import { parsePrintedNumber, toHalfWidth } from "./printed-number";

describe("parsePrintedNumber", () => {
  it.each([
    ["1,759", "1759"],
    ["1759", "1759"],
    ["53.9", "53.9"],
    ["0", "0"],
    ["100.0", "100.0"],
    ["１，７５９", "1759"],
    ["△1305", "-1305"],
    ["▲ 1,772", "-1772"],
    ["-3", "-3"],
    ["30,864", "30864"],
  ])("reads %s as %s", (printed, number) => {
    expect(parsePrintedNumber(printed)).toBe(number);
  });

  it.each(["集計中", "－", "—", "完了", "認定なし", "国調査終了", "17,59", "1,0000", "44,00036,665", "", "△", "2兆8,461"])(
    "never turns the text cell %s into a number",
    (printed) => {
      expect(parsePrintedNumber(printed)).toBeNull();
    },
  );

  it("converts full-width digits", () => {
    expect(toHalfWidth("Ｒ５ １２３．４％")).toBe("Ｒ5 123.4%");
  });
});
