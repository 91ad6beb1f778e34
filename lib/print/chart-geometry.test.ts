import { describe, expect, it } from "vitest";
import type { Trend } from "../measures/trend";
import { chartGeometry, niceStep, valueAxis } from "./chart-geometry";

const trend: Trend = {
  years: [2019, 2020, 2021, 2022, 2023],
  yearLabels: { 2019: "R1", 2020: "R2", 2021: "R3", 2022: "R4", 2023: "R5" },
  series: [
    {
      key: "s0",
      label: "単年",
      unit: "億円/年",
      points: [
        { year: 2019, value: 369, text: "369", isBaseline: true },
        { year: 2020, value: 525, text: "525", isBaseline: false },
        { year: 2021, value: 708, text: "708", isBaseline: false },
        { year: 2022, value: null, text: "集計中", isBaseline: false },
        { year: 2023, value: 800, text: "800", isBaseline: false },
      ],
      target: { year: 2023, value: 392, text: "392" },
      targetPath: [],
      estimates: [],
    },
  ],
};

describe("niceStep / valueAxis", () => {
  it.each([
    [2000, 4, 500],
    [1000, 4, 250],
    [7, 4, 2],
    [0.4, 4, 0.1],
  ])("range %s in %s parts → %s", (range, count, step) => expect(niceStep(range, count)).toBe(step));

  it("starts at zero like a spreadsheet, unless the values sit in a narrow band far from zero", () => {
    expect(valueAxis([1027, 1759, 1500]).min).toBe(0);
    const band = valueAxis([34248, 36900, 34861]);
    expect(band.min).toBeGreaterThan(30000);
    expect(band.max).toBeGreaterThanOrEqual(36900);
  });

  it("goes below zero for negative values and copes with one value or none", () => {
    const neg = valueAxis([-2071, -913]);
    expect(neg.min).toBeLessThanOrEqual(-2071);
    expect(neg.max).toBe(0);
    expect(valueAxis([5]).ticks.length).toBeGreaterThan(1);
    expect(valueAxis([0]).max).toBeGreaterThan(0);
    expect(valueAxis([]).ticks).toEqual([0, 1]);
  });
});

describe("chartGeometry", () => {
  const g = chartGeometry(trend, trend.years);

  it("draws a text cell (集計中) as no point, breaks the line there and names it under its year", () => {
    const s = g.series[0];
    expect(s.points.map((p) => p.year)).toEqual([2019, 2020, 2021, 2023]);
    expect(s.segments.map((seg) => seg.map((p) => p.year))).toEqual([[2019, 2020, 2021], [2023]]);
    expect(g.xTicks.find((t) => t.year === 2022)?.notes).toEqual(["集計中"]);
    // nothing at the height of zero for 2022
    expect(s.points.some((p) => p.year === 2022)).toBe(false);
  });

  it("labels each point with its printed value and marks the numeric target", () => {
    expect(g.series[0].points.map((p) => p.label)).toEqual(["369", "525", "708", "800"]);
    expect(g.targets).toHaveLength(1);
    expect(g.targets[0].label).toBe("目標 392");
    expect(g.targets[0].x).toBe(g.xTicks.at(-1)!.x);
  });

  it("places higher values higher and years left to right", () => {
    const [a, b] = g.series[0].points;
    expect(b.y).toBeLessThan(a.y);
    expect(b.x).toBeGreaterThan(a.x);
    expect(g.yTicks[0].value).toBe(0);
  });

  it("is empty when no value is a number", () => {
    const textOnly: Trend = { ...trend, series: [{ ...trend.series[0], points: [{ year: 2020, value: null, text: "完了", isBaseline: false }], target: { year: 2023, value: null, text: "完了" } }] };
    expect(chartGeometry(textOnly, trend.years).empty).toBe(true);
  });

  it("draws an estimate (見込み) from its starting actual to its year, within the value axis, and counts it as no actual", () => {
    const projected = chartGeometry(trend, trend.years, undefined, [{ key: "s0", fromYear: 2021, fromValue: 708, year: 2023, value: 1200 }]);
    expect(projected.projections).toHaveLength(1);
    const [p] = projected.projections;
    expect(p.label).toBe("見込み 1,200");
    expect(p.from.x).toBe(projected.xTicks.find((t) => t.year === 2021)!.x);
    expect(p.to.x).toBe(projected.xTicks.at(-1)!.x);
    expect(p.to.y).toBeLessThan(p.from.y);
    expect(p.to.y).toBeGreaterThanOrEqual(projected.box.top); // the axis reaches 1,200
    // a year outside the chart, or a series it does not have, draws nothing
    expect(chartGeometry(trend, trend.years, undefined, [{ key: "s0", fromYear: 2023, fromValue: 800, year: 2030, value: 900 }]).projections).toEqual([]);
    expect(chartGeometry(trend, trend.years, undefined, [{ key: "nope", fromYear: 2021, fromValue: 708, year: 2023, value: 900 }]).projections).toEqual([]);
    const textOnly: Trend = { ...trend, series: [{ ...trend.series[0], points: [{ year: 2020, value: null, text: "完了", isBaseline: false }], target: null }] };
    expect(chartGeometry(textOnly, trend.years, undefined, [{ key: "s0", fromYear: 2020, fromValue: 1, year: 2023, value: 2 }]).empty).toBe(true);
  });
});
