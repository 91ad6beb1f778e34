import { describe, expect, it } from "vitest";
import { eraYear, fiscalYearLabel, fiscalYearWithWestern, parseEraYear, shortEraYear } from "./fiscal-year";

describe("fiscal years and era names", () => {
  it.each([
    [2023, "令和5年度", "R5"],
    [2019, "令和元年度", "R1"],
    [2020, "令和2年度", "R2"],
    [2025, "令和7年度", "R7"],
    [2018, "平成30年度", "H30"],
    [1989, "平成元年度", "H1"],
  ])("%i is %s (%s)", (year, label, short) => {
    expect(fiscalYearLabel(year)).toBe(label);
    expect(shortEraYear(year)).toBe(short);
  });

  it("shows both calendars", () => {
    expect(fiscalYearWithWestern(2023)).toBe("令和5年度（2023）");
    expect(eraYear(2029)).toBe("令和11");
  });

  it.each([
    ["R5", 2023],
    ["令和元", 2019],
    ["H30", 2018],
    ["H31", 2019],
    ["平成27", 2015],
    ["R", null],
    ["2023", null],
  ])("reads %s as %s", (label, year) => {
    expect(parseEraYear(label)).toBe(year);
  });
});
