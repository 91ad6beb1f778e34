import { describe, expect, it } from "vitest";
import { divisionChoices, matchesSearch, normalizeForSearch, overviewHref, parseOverviewFilters, reconcileDivision } from "./overview-filters";

describe("overview filters", () => {
  it("reads the URL and ignores what is malformed", () => {
    expect(parseOverviewFilters({ q: " 防災 ", sort: "rate", dir: "desc", year: "2023" })).toEqual({ q: "防災", sort: "rate", dir: "desc", year: 2023 });
    expect(parseOverviewFilters({ sort: "drop table", year: "x", q: ["a", "b"] })).toEqual({ q: "a", sort: undefined, year: undefined });
  });
  it("matches Japanese text in full-width and half-width forms", () => {
    expect(matchesSearch("防災", "県が育成した防災士の資格取得者数")).toBe(true);
    expect(matchesSearch("ＫＰＩ", "KPI分析")).toBe(true);
    expect(matchesSearch("kpi", "ＫＰＩ分析")).toBe(true);
    expect(matchesSearch("ｶﾞｽ", "ガス")).toBe(true);
    expect(matchesSearch("１，７５９", "1,759人")).toBe(true);
    expect(matchesSearch("防犯", "防災士")).toBe(false);
    expect(normalizeForSearch(" Ａ　Ｂ ")).toBe("ab");
  });
  it("builds shareable URLs", () => {
    expect(overviewHref("/p", { q: "防災" }, { sort: "rate", dir: "asc" })).toBe("/p?q=%E9%98%B2%E7%81%BD&sort=rate&dir=asc");
    expect(overviewHref("/p", { q: "x" }, { q: undefined })).toBe("/p");
  });
  describe("division options follow the department", () => {
    const departments = [
      { id: "d1", name: "総務部", divisions: [{ id: "v1", name: "総務課" }, { id: "v2", name: "財政課" }] },
      { id: "d2", name: "健康福祉部", divisions: [{ id: "v3", name: "福祉課" }] },
      { id: "d3", name: "議会事務局", divisions: [] },
    ];
    it("offers only the chosen department's divisions", () => {
      expect(divisionChoices(departments, "d2").map((d) => d.id)).toEqual(["d2"]);
      expect(divisionChoices(departments, "d3")).toEqual([departments[2]]);
    });
    it("offers every division when no department (or an unknown one) is chosen", () => {
      expect(divisionChoices(departments, undefined)).toBe(departments);
      expect(divisionChoices(departments, "nope")).toBe(departments);
    });
    it("drops a division that is not in the chosen department, keeps one that is", () => {
      expect(reconcileDivision({ department: "d2", division: "v1" }, departments)).toEqual({ department: "d2", division: undefined });
      expect(reconcileDivision({ department: "d1", division: "v2" }, departments)).toEqual({ department: "d1", division: "v2" });
      expect(reconcileDivision({ division: "v3" }, departments)).toEqual({ division: "v3" });
    });
  });
});
