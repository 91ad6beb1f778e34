// The definition schema is the edge of forms, workbook and API: a value of any type anywhere is refused with a
// message, never an exception (which would be a 500).
import { describe, expect, it } from "vitest";
import { measureDefinitionSchema } from "./measure-schema";

const valid = {
  number: "1",
  name: "指標",
  owners: [{ department: "土木部", division: "道路整備課" }],
  series: [{ label: "単年", unit: "件", baseline: { year: 2023, value: "10" }, target: { kind: "number", direction: "higher", year: 2027, value: 20 }, yearlyTargets: [{ year: 2025, value: 15 }] }],
};
const HOSTILE: unknown[] = [null, 0, -1, 1e308, 12345678901234567, 1e-7, "", "\u0000", "x".repeat(5000), [], {}, true, [1, 2], { a: 1 }, "NaN", "1e999"];

/** Every path of a JSON value (object keys and array indices). */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v && typeof v === "object") return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return [at];
}
function replaced(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = Array.isArray(root) ? [...root] : { ...(root as Record<string, unknown>) };
  (copy as Record<string | number, unknown>)[path[0]] = replaced((root as Record<string | number, unknown>)[path[0]], path.slice(1), value);
  return copy;
}

describe("measureDefinitionSchema with hostile values", () => {
  it("accepts the valid definition", () => {
    expect(measureDefinitionSchema.safeParse(valid).success).toBe(true);
  });
  it("never throws, whatever value stands at whatever place", () => {
    let refused = 0;
    for (const path of paths(valid)) {
      for (const value of HOSTILE) {
        const result = measureDefinitionSchema.safeParse(replaced(valid, path, value));
        if (!result.success) {
          refused++;
          for (const issue of result.error.issues) expect(typeof issue.message).toBe("string");
        }
      }
    }
    expect(refused).toBeGreaterThan(100);
  });
});
