import { describe, expect, it } from "vitest";
import { definitionToFormValues, measureFormToInput, slotFieldErrors } from "./measure-form";
import { measureDefinitionSchema, readCell } from "./measure-schema";
import { canonicalFromInput } from "./definition";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

/** what the rendered form sends for empty slots: selects with their defaults, empty text boxes */
const emptySlots = {
  "owners.0.department": "",
  "owners.1.department": "",
  "owners.2.department": "",
  "series.1.label": "",
  "series.1.unit": "",
  "series.1.baseline.year": "2023",
  "series.1.baseline.value": "",
  "series.1.target.kind": "",
  "series.1.target.direction": "higher",
  "series.1.target.year": "2027",
  "series.1.yearlyTargets.0.year": "",
  "series.1.yearlyTargets.0.value": "",
};

describe("measureFormToInput", () => {
  it("reads a whole definition, leaving out empty slots", () => {
    const { input, slots } = measureFormToInput(
      form({
        planId: "p1",
        currentNumber: "追加1",
        reason: "  ",
        number: "追加1",
        name: "防災士の数",
        section: "4-2",
        footnote: "",
        notes: "※1 県調べ\r\n\n※2 速報値 ",
        ...emptySlots,
        "owners.1.department": "土木部 / 道路整備課",
        "owners.2.department": "知事公室",
        "series.0.label": "単年",
        "series.0.unit": "箇所",
        "series.0.baseline.year": "2023",
        "series.0.baseline.value": "1,027",
        "series.0.baseline.text": "",
        "series.0.target.kind": "number",
        "series.0.target.direction": "higher",
        "series.0.target.year": "2027",
        "series.0.target.value": "1500",
        "series.0.target.text": "",
        "series.0.aggregation": "",
        "series.0.yearlyTargets.0.year": "",
        "series.0.yearlyTargets.0.value": "",
        "series.0.yearlyTargets.1.year": "2025",
        "series.0.yearlyTargets.1.value": "1200",
      }),
    );
    expect(input.planId).toBe("p1");
    expect(input.currentNumber).toBe("追加1");
    expect(input.reason).toBeNull();
    expect(slots).toEqual({ owners: [1, 2], series: [0], yearlyTargets: [[1]] });
    const parsed = measureDefinitionSchema.parse(input.definition);
    expect(parsed.notes).toEqual(["※1 県調べ", "※2 速報値"]);
    expect(parsed.owners).toEqual([
      { department: "土木部", division: "道路整備課" },
      { department: "知事公室", division: null },
    ]);
    const c = canonicalFromInput(parsed);
    expect(c.series).toHaveLength(1);
    expect(c.series[0].baseline).toEqual({ year: 2023, value: "1027", text: "1,027" });
    expect(c.series[0].target).toMatchObject({ kind: "number", direction: "higher", year: 2027, value: "1500", text: "1,500" });
    expect(c.series[0].yearlyTargets).toEqual([{ year: 2025, value: "1200", text: "1,200" }]);
  });

  it("a target without a kind is kept, so the schema says to choose one beside the select", () => {
    const { input, slots } = measureFormToInput(
      form({ number: "1", name: "x", ...emptySlots, "series.1.label": "累計", "series.1.target.value": "40" }),
    );
    const r = measureDefinitionSchema.safeParse(input.definition);
    expect(r.success).toBe(false);
    const keys = r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    expect(keys).toContain("series.0.target.kind");
    // the compacted index 0 is the form's slot 1
    expect(slotFieldErrors({ "definition.series.0.target.kind": "目標の種類を選んでください" }, slots)).toEqual({ "series.1.target.kind": "目標の種類を選んでください" });
  });

  it("maps owner and yearly-target errors back to their slots, and leaves other keys alone", () => {
    const slots = { owners: [2], series: [1, 2], yearlyTargets: [[], [0, 3]] };
    expect(
      slotFieldErrors({ "owners.0.department": "a", "definition.series.1.yearlyTargets.1.value": "b", reason: "c", number: "d", series: "e" }, slots),
    ).toEqual({ "owners.2.department": "a", "series.2.yearlyTargets.3.value": "b", reason: "c", number: "d", series: "e" });
    expect(slotFieldErrors(undefined, slots)).toBeUndefined();
  });
});

describe("definitionToFormValues", () => {
  it("round-trips through the form to the same canonical definition", () => {
    const stored = canonicalFromInput(
      measureDefinitionSchema.parse({
        number: "4-3",
        name: "整備箇所数",
        section: "4-2",
        notes: ["※ 県調べ"],
        owners: [{ department: "土木部", division: "道路整備課" }],
        series: [
          { label: "単年", unit: "箇所", baseline: { year: 2023, value: "－" }, target: { kind: "milestone", text: "完了" } },
          { label: "累計", unit: "件", baseline: { year: 2023, value: 12.5, text: "12.5（速報）" }, target: { kind: "period_total", direction: "higher", value: 40, text: "5年間に40件", periodStart: 2025, periodEnd: 2029 }, aggregation: "sum", countsWithinPeriod: true, yearlyTargets: [{ year: 2026, value: 8 }] },
        ],
      }),
    );
    expect(stored.series.map((s) => s.countsWithinPeriod)).toEqual([false, true]);
    const values = definitionToFormValues(stored);
    expect(values["series.1.countsWithinPeriod"]).toBe("1"); // the checkbox is checked
    expect(values["series.0.countsWithinPeriod"]).toBe("");
    expect(values["series.0.baseline.text"]).toBe("－");
    expect(values["series.0.target.text"]).toBe("完了");
    expect(values["series.1.target.text"]).toBe("5年間に40件");
    expect(values["series.1.baseline.text"]).toBe("12.5（速報）");
    expect(values["series.1.yearlyTargets.0.text"]).toBe(""); // 「8」 is the number's usual form
    const again = measureFormToInput(form({ ...emptySlots, ...values }));
    expect(canonicalFromInput(measureDefinitionSchema.parse(again.input.definition))).toEqual(stored);
  });
});

describe("review fixes", () => {
  it("keeps a 基本目標's kind and a baseline that has only its year through the form", () => {
    const stored = canonicalFromInput(measureDefinitionSchema.parse({ number: "G1", name: "目標人口", kind: "goal", series: [{ label: "人口", unit: "人", baseline: { year: 2020 } }] }));
    const form = new FormData();
    for (const [k, v] of Object.entries(definitionToFormValues(stored))) form.set(k, v);
    form.set("planId", "p");
    const again = canonicalFromInput(measureDefinitionSchema.parse(measureFormToInput(form).input.definition));
    expect(again.kind).toBe("goal");
    expect(again.series[0].baseline).toEqual({ year: 2020, value: null, text: null });
  });

  it("refuses a value below a millionth written in exponent form instead of rounding it to 0", () => {
    expect(readCell("1e-7", null).ok).toBe(false);
    expect(readCell("5e-7", null).ok).toBe(false);
    expect(readCell("1.5e3", null)).toEqual({ ok: true, cell: { value: "1500", text: "1,500" } });
  });
});

describe("numbers from JSON", () => {
  it("accepts a JSON number up to 15 significant digits and asks for a string beyond", () => {
    const at = (value: unknown) => measureDefinitionSchema.safeParse({ number: "1", name: "x", series: [{ label: "単年", target: { kind: "number", direction: "higher", year: 2027, value } }] });
    expect(at(123456789012.345).success).toBe(true);
    expect(at(0.000001).success).toBe(true);
    const long = at(12345678901234567);
    expect(long.success).toBe(false);
    expect(long.success ? "" : long.error.issues[0].message).toContain("文字列で指定してください");
    expect(at("12345678901234.56").success).toBe(true);
  });
});
