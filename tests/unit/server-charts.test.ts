// The charts drawn on the server (the KPI page's trend, the overview's counts): what a signed-out reader's plain copy
// shows without JavaScript, so they must carry every year, every actual and nothing invented.
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Trend } from "@/lib/measures/trend";
import { NARROW_SIZE, ScreenTrendChart, TrendSvg } from "@/components/charts/trend-svg";
import { StatusSummarySvg } from "@/components/overview/status-summary-svg";

const years = [2019, 2020, 2021, 2022, 2023];
const trend: Trend = {
  years,
  yearLabels: { 2019: "R1", 2020: "R2", 2021: "R3", 2022: "R4", 2023: "R5" },
  series: [
    {
      key: "s0",
      label: "累計",
      unit: "人",
      points: [
        { year: 2019, value: 1027, text: "1,027", isBaseline: true },
        { year: 2020, value: 1027, text: "1,027", isBaseline: false },
        { year: 2021, value: 1188, text: "1,188", isBaseline: false },
        { year: 2022, value: null, text: "集計中", isBaseline: false },
        { year: 2023, value: 1759, text: "1,759", isBaseline: false },
      ],
      target: { year: 2023, value: 1500, text: "1,500" },
      targetPath: [],
      estimates: [],
    },
  ],
};

describe("the trend chart drawn on the server", () => {
  const html = renderToStaticMarkup(createElement(ScreenTrendChart, { trend, title: "防災士の推移" }));

  it("has a phone's and a wider screen's drawing, each an image named by its title, and the legend", () => {
    expect(html.match(/<svg class="trend-svg__(narrow|wide)"/g)).toEqual(['<svg class="trend-svg__narrow"', '<svg class="trend-svg__wide"']);
    expect(html.match(/role="img" aria-label="防災士の推移"/g)).toHaveLength(2);
    expect(html).toContain('<ul class="chart-legend">');
    expect(html).toContain("累計（人）");
    expect(html).toContain("目標 1,500");
  });

  it("marks one point per numeric actual (never the text cell), each with its year and printed value", () => {
    const narrow = renderToStaticMarkup(createElement(TrendSvg, { trend, years, title: "t", size: NARROW_SIZE }));
    expect([...narrow.matchAll(/data-year="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([2019, 2020, 2021, 2023]);
    expect(narrow).toContain("<title>R5（2023）累計（人）：1,759</title>");
    expect(narrow).toContain(">集計中<"); // named under its year
    for (const label of ["R1", "R2", "R3", "R4", "R5"]) expect(narrow).toContain(`>${label}<`);
  });

  it("says so in words when no year has a numeric actual", () => {
    const textOnly: Trend = { ...trend, series: [{ ...trend.series[0], points: [{ year: 2020, value: null, text: "完了", isBaseline: false }], target: null }] };
    const empty = renderToStaticMarkup(createElement(ScreenTrendChart, { trend: textOnly, title: "t" }));
    expect(empty).not.toContain("<svg");
    expect(empty).toContain("数値の実績値はありません");
  });

  it("draws an estimate as a dotted line labelled 見込み", () => {
    const projected = renderToStaticMarkup(createElement(ScreenTrendChart, { trend, title: "t", projections: [{ key: "s0", fromYear: 2023, fromValue: 1759, year: 2023, value: 1800 }] }));
    expect(projected).toContain('stroke-dasharray="2 4"');
    expect(projected).toContain("見込み 1,800");
  });
});

describe("the overview's count chart drawn on the server", () => {
  it("draws one bar per status with its count and label, heights in proportion", () => {
    const data = [
      { status: "achieved", label: "達成", count: 36 },
      { status: "behind", label: "遅れ", count: 3 },
      { status: "not_judgeable", label: "判定不能", count: 0 },
    ];
    const html = renderToStaticMarkup(createElement(StatusSummarySvg, { data, title: "進捗状況別の指標数" }));
    const bars = [...html.matchAll(/data-status="(\w+)"><title>([^<]+)<\/title><rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"/g)];
    expect(bars.map((b) => [b[1], b[2]])).toEqual([["achieved", "達成：36件"], ["behind", "遅れ：3件"], ["not_judgeable", "判定不能：0件"]]);
    const [h36, h3, h0] = bars.map((b) => Number(b[3]));
    expect(h0).toBe(0);
    expect(h36 / h3).toBeCloseTo(12, 5);
    expect(html).toContain('role="img" aria-label="進捗状況別の指標数"');
  });
});
