import { describe, expect, it } from "vitest";
import { chooseDensity, estimateSheetHeightMm, lineCount, paginateContents, textWidthEm } from "./layout";

describe("textWidthEm / lineCount", () => {
  it("counts full-width characters as 1 em and ASCII as about half", () => {
    expect(textWidthEm("防災士")).toBe(3);
    expect(textWidthEm("ＫＰＩ")).toBe(3);
    expect(textWidthEm("KPI")).toBeCloseTo(1.65);
    expect(textWidthEm("ｶﾅ")).toBeCloseTo(1.1);
  });

  it("wraps each line of a narrative separately", () => {
    expect(lineCount("あ".repeat(10), 10)).toBe(1);
    expect(lineCount("あ".repeat(11), 10)).toBe(2);
    expect(lineCount("あ\nい\n\nう", 10)).toBe(3);
    expect(lineCount("", 10)).toBe(1);
  });
});

describe("chooseDensity", () => {
  const sheet = (chars: number) => ({ name: "県が育成した防災士の資格取得者数", rows: 1, notes: [], narratives: ["・" + "あ".repeat(chars), null, null] });

  it("keeps the largest type for a short sheet and shrinks it for a long one", () => {
    expect(chooseDensity(sheet(300))).toBe("normal");
    expect(chooseDensity(sheet(1800))).not.toBe("normal");
    expect(chooseDensity(sheet(20000))).toBe("tiny");
  });

  it("estimates smaller heights for smaller type", () => {
    const s = sheet(1200);
    expect(estimateSheetHeightMm(s, "compact")).toBeLessThan(estimateSheetHeightMm(s, "normal"));
    expect(estimateSheetHeightMm(s, "tiny")).toBeLessThan(estimateSheetHeightMm(s, "tight"));
  });
});

describe("paginateContents", () => {
  const entries = Array.from({ length: 57 }, (_, i) => ({ number: String(i + 1), name: "指標".repeat(8), owners: "企画振興部 企画課" }));

  it("numbers the sheets after the cover and the contents pages", () => {
    const pages = paginateContents(entries);
    const all = pages.flatMap((p) => p.entries);
    expect(all).toHaveLength(57);
    expect(all[0].page).toBe(2 + pages.length);
    expect(all.at(-1)!.page).toBe(1 + pages.length + 57);
    expect(pages.length).toBeGreaterThan(1);
  });

  it("puts fewer rows on a page when the names wrap", () => {
    const long = entries.map((e) => ({ ...e, name: "長い指標名".repeat(12) }));
    expect(paginateContents(long).length).toBeGreaterThan(paginateContents(entries).length);
    expect(paginateContents(entries.slice(0, 3))).toHaveLength(1);
  });
});
