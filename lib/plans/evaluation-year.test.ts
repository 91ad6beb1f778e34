// The year a plan's pages open on: the one rule (resolveEvaluationYear) with the open evaluation year first.
import { describe, expect, it } from "vitest";
import { openEvaluationYear, resolveEvaluationYear } from "./evaluation-year";

const r6r9 = { startYear: 2024, endYear: 2027 };
const open = (fiscalYear: number) => ({ fiscalYear, status: "open" });
const closed = (fiscalYear: number) => ({ fiscalYear, status: "closed" });

describe("openEvaluationYear", () => {
  it("is the latest open year, or null", () => {
    expect(openEvaluationYear({ evaluationYears: [] })).toBeNull();
    expect(openEvaluationYear({ evaluationYears: [closed(2024)] })).toBeNull();
    expect(openEvaluationYear({ evaluationYears: [open(2024), closed(2025), open(2026)] })).toBe(2026);
    // a query that selected only the open years, without their status
    expect(openEvaluationYear({ evaluationYears: [{ fiscalYear: 2025 }] })).toBe(2025);
  });
});

describe("resolveEvaluationYear", () => {
  it("a plan without actuals opens on its open year, not its last year (R6–R9 after R6 is opened)", () => {
    expect(resolveEvaluationYear(r6r9, null)).toBe(2027);
    expect(resolveEvaluationYear({ ...r6r9, evaluationYears: [open(2024)] }, null)).toBe(2024);
  });

  it("the open year wins over the latest actual; a closed year does not", () => {
    expect(resolveEvaluationYear({ ...r6r9, evaluationYears: [open(2025)] }, 2024)).toBe(2025);
    expect(resolveEvaluationYear({ ...r6r9, evaluationYears: [closed(2025)] }, 2024)).toBe(2024);
  });

  it("a requested year within the plan wins; one outside it, or a fraction, does not", () => {
    const plan = { ...r6r9, evaluationYears: [open(2024)] };
    expect(resolveEvaluationYear(plan, null, 2026)).toBe(2026);
    expect(resolveEvaluationYear(plan, null, 2023)).toBe(2023); // the year before the plan: its baseline year
    expect(resolveEvaluationYear(plan, null, 2030)).toBe(2024);
    expect(resolveEvaluationYear(plan, null, 2024.5)).toBe(2024);
  });

  it("an open year outside the plan's span is ignored", () => {
    expect(resolveEvaluationYear({ ...r6r9, evaluationYears: [open(2031)] }, 2025)).toBe(2025);
  });
});
