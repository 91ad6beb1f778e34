import { describe, expect, it } from "vitest";
import { planSchema } from "./schema";

const plan = (extra: Record<string, unknown>) => ({ organization: "430005", slug: "p", name: "計画", startYear: 2025, endYear: 2029, sources: [], sections: [], ...extra });

describe("plan seed: the judgement rule and its settings", () => {
  it("takes any preset, with settings of that preset", () => {
    expect(planSchema.safeParse(plan({ progressRule: "grades", progressSettings: { a: 50, b: 10 } })).success).toBe(true);
    expect(planSchema.safeParse(plan({ progressRule: "expected", progressSettings: { yearlyShare: 20 } })).success).toBe(true);
    expect(planSchema.safeParse(plan({ progressRule: "marks" })).success).toBe(true);
  });
  it("refuses settings of another preset or an unknown rule", () => {
    expect(planSchema.safeParse(plan({ progressRule: "grades", progressSettings: { good: 80 } })).success).toBe(false);
    expect(planSchema.safeParse(plan({ progressRule: "kama", progressSettings: { expectedPath: true } })).success).toBe(false);
    expect(planSchema.safeParse(plan({ progressRule: "abc" })).success).toBe(false);
  });
});
