import { describe, expect, it } from "vitest";
import { describeDefinitionChange } from "./definition-changes";
import type { CanonicalMeasure } from "../setup/definition";

const base: CanonicalMeasure = {
  number: "4-3",
  name: "整備箇所数",
  kind: "kpi",
  section: "4-2",
  footnote: null,
  notes: [],
  owners: [{ department: "土木部", division: null }],
  series: [
    {
      label: "単年",
      unit: "箇所",
      baseline: { year: 2023, value: "40", text: "40" },
      target: { kind: "number", direction: "higher", year: 2027, value: "1500", text: "1,500", periodStart: null, periodEnd: null },
      aggregation: null,
      countsWithinPeriod: false,
      yearlyTargets: [],
    },
  ],
};

describe("describeDefinitionChange", () => {
  it("tells a changed target as a commitment, in the printed form", () => {
    const after = structuredClone(base);
    after.series[0].target = { ...after.series[0].target!, value: "1800", text: "1,800" };
    expect(describeDefinitionChange(base, after)).toEqual({ commitments: ["目標値（単年）を変更：1,500（令和9年度） → 1,800（令和9年度）"], other: [] });
  });

  it("a first target, a new series and the owners are set-up, not commitments", () => {
    const before = structuredClone(base);
    before.series[0].target = null;
    const after = structuredClone(base);
    after.owners.push({ department: "土木部", division: "道路整備課" });
    after.series.push({ ...structuredClone(base.series[0]), label: "累計" });
    const d = describeDefinitionChange(before, after);
    expect(d.commitments).toEqual([]);
    expect(d.other).toEqual(["担当を変更：土木部 → 土木部、土木部 道路整備課", "目標値（単年）を変更：なし → 1,500（令和9年度）", "系列（累計）を追加"]);
  });

  it("a removed series with a baseline, and a changed yearly target, are commitments", () => {
    const before = structuredClone(base);
    before.series[0].yearlyTargets = [{ year: 2025, value: "1200", text: "1,200" }];
    before.series.push({ ...structuredClone(base.series[0]), label: "累計", yearlyTargets: [] });
    const after = structuredClone(before);
    after.series = [{ ...after.series[0], yearlyTargets: [{ year: 2025, value: "1300", text: "1,300" }] }];
    expect(describeDefinitionChange(before, after).commitments).toEqual(["令和7年度の目標値（単年）を変更：1,200 → 1,300", "系列（累計）を削除"]);
  });

  it("a series now counted within the plan period is a commitment once it has a target; an old record without the field reads as 通常", () => {
    const after = structuredClone(base);
    after.series[0].countsWithinPeriod = true;
    expect(describeDefinitionChange(base, after)).toEqual({ commitments: ["数え方（単年）を変更：通常 → 計画期間内の累計"], other: [] });
    const old = structuredClone(base) as unknown as { series: Record<string, unknown>[] };
    delete old.series[0].countsWithinPeriod;
    expect(describeDefinitionChange(old as unknown as CanonicalMeasure, base)).toEqual({ commitments: [], other: [] });
  });
});
