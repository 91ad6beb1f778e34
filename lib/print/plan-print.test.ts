import { describe, expect, it } from "vitest";
import { planEvaluationYear } from "./plan-print";
import type { SheetData } from "./print-sheet";

const plan = { startYear: 2020, endYear: 2023 };
const measure = (years: [number, string | null][]) =>
  ({ measure: { series: [{ values: years.map(([fiscalYear, value]) => ({ kind: "actual", fiscalYear, value, text: value })) }] } }) as unknown as SheetData;

describe("planEvaluationYear", () => {
  it("takes the requested year within the plan or the year before it", () => {
    expect(planEvaluationYear(plan, 2023, [], 2020)).toBe(2020);
    expect(planEvaluationYear(plan, 2023, [], 2019)).toBe(2019);
  });

  it("ignores a year outside the plan and falls back to the plan's latest year with a numeric actual", () => {
    expect(planEvaluationYear(plan, 2022, [], 2030)).toBe(2022);
    expect(planEvaluationYear(plan, 2022, [], Number.NaN)).toBe(2022);
  });

  it("without a latest year, looks at the measures' own actuals (text cells do not count), else the plan's end", () => {
    expect(planEvaluationYear(plan, null, [measure([[2021, "5"], [2022, null]])])).toBe(2021);
    expect(planEvaluationYear(plan, null, [])).toBe(2023);
  });
});
