import { describe, expect, it } from "vitest";
import { matchesSearch, normalizeForSearch, overviewHref, parseOverviewFilters } from "./overview-filters";

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
});
