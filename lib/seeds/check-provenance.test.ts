// The exact-text checks of `npm run seeds:check`, proved on mutated in-memory copies of the real seed files: a
// changed character, text moved between 取組状況 / 課題等 / 今後の方向性, a changed title, a unit without its printed
// place and an unmarked period total are each refused; the unchanged files pass.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSeedFiles, type SeedSet } from "./read-seed-files";
import { checkProvenance } from "./check-provenance";
import { foundInSource, missingNarrativeLines, sourceSlice } from "./provenance";
import type { MeasureSeed } from "./schema";

const SEEDS = readSeedFiles(path.resolve("seeds"));
const SOURCES = path.resolve("seeds", "sources");

function copy(): SeedSet {
  return structuredClone(SEEDS);
}
function plan(set: SeedSet, slug: string) {
  return set.plans.find((p) => p.plan.slug === slug)!;
}
function measure(set: SeedSet, slug: string, no: string): MeasureSeed {
  return plan(set, slug).measures.find((m) => m.measure.no === no)!.measure;
}
function problems(set: SeedSet) {
  return checkProvenance(set, SOURCES).map((p) => `${p.file} [${p.measure ?? "-"}] ${p.field}: ${p.message}`);
}
const r5 = (m: MeasureSeed) => m.entries.find((e) => e.evaluationYear === 2023)!;
type Field = "effortStatus" | "issues" | "direction";
/** The first entry of 熊本県 第2期 whose narrative `field` satisfies `test`, with its measure's number and index. */
function firstEntry(set: SeedSet, field: Field, test: (text: string) => boolean) {
  for (const { measure } of plan(set, "kumamoto-2020").measures) {
    const index = measure.entries.findIndex((e) => test(e[field] ?? ""));
    if (index >= 0) return { no: measure.no, index, entry: measure.entries[index] };
  }
  throw new Error(`no entry with such a ${field}`);
}

describe("seeds:check compares text exactly", () => {
  it("passes the seed files as they are", () => {
    expect(problems(SEEDS)).toEqual([]);
  });

  it("refuses one changed character in a narrative", () => {
    const set = copy();
    const entry = r5(measure(set, "kumamoto-2020", "6"));
    entry.effortStatus = entry.effortStatus!.replace("地域防災リーダー", "地域防災りーダー");
    const found = problems(set);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/measures\/06\.yaml \[6\] entries\.0\.effortStatus: 取組状況 differs from its source lines/);
    expect(found[0]).toContain("「りーダー");
  });

  it("refuses a full-width digit written in half width, which the folding match accepted", () => {
    const set = copy();
    const { no, index, entry } = firstEntry(set, "effortStatus", (t) => /[０-９]/.test(t));
    const original = entry.effortStatus!;
    const changed = original.replace(/[０-９]/, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    expect(changed).not.toBe(original);
    // the old check folded widths (NFKC) and let this through
    expect(foundInSource(changed, original)).toBe(true);
    entry.effortStatus = changed;
    expect(problems(set).join("\n")).toContain(`[${no}] entries.${index}.effortStatus: 取組状況 differs`);
  });

  it("refuses a long-vowel mark written as a dash, which the folding match accepted", () => {
    const set = copy();
    const entry = r5(measure(set, "kumamoto-2020", "6"));
    const changed = entry.effortStatus!.replace("リーダー", "リ－ダ－");
    expect(foundInSource(changed, entry.effortStatus!)).toBe(true);
    entry.effortStatus = changed;
    expect(problems(set).join("\n")).toContain("[6] entries.0.effortStatus: 取組状況 differs");
  });

  it("refuses a sentence moved from 課題等 to 取組状況 (each narrative against its own lines)", () => {
    const set = copy();
    const { no, index, entry } = firstEntry(set, "issues", (t) => t.trim().split("\n").length >= 2);
    const issues = entry.issues!.trimEnd().split("\n");
    const moved = issues.pop()!;
    entry.issues = issues.join("\n");
    entry.effortStatus = `${entry.effortStatus!.trimEnd()}\n${moved}`;
    const found = problems(set);
    expect(found.filter((p) => p.includes(`[${no}]`))).toHaveLength(2);
    expect(found.join("\n")).toContain(`[${no}] entries.${index}.effortStatus: 取組状況 differs`);
    expect(found.join("\n")).toContain(`[${no}] entries.${index}.issues: 課題等 differs`);
    // the moved sentence is still in the sheet: the old match anywhere in the sheet did not see the move
    const sheet = sourceSlice(readFileSync(path.join(SOURCES, entry.source.file), "utf8").split("\n"), entry.source.lines);
    expect(missingNarrativeLines(entry.effortStatus, sheet)).toEqual([]);
  });

  it("refuses 取組状況 and 今後の方向性 swapped", () => {
    const set = copy();
    const entry = r5(measure(set, "kumamoto-2020", "6"));
    [entry.effortStatus, entry.direction] = [entry.direction, entry.effortStatus];
    const found = problems(set).join("\n");
    expect(found).toContain("entries.0.effortStatus: 取組状況 differs");
    expect(found).toContain("entries.0.direction: 今後の方向性 differs");
  });

  it("refuses a dropped sentence and lines claimed by two narratives", () => {
    const set = copy();
    const entry = r5(measure(set, "kumamoto-2020", "6"));
    entry.direction = entry.direction!.trimEnd().split("\n").slice(0, -1).join("\n");
    entry.narrativeLines!.issues = entry.narrativeLines!.effortStatus;
    entry.issues = entry.effortStatus;
    const found = problems(set).join("\n");
    expect(found).toContain("entries.0.direction: 今後の方向性 differs");
    expect(found).toMatch(/entries\.0\.narrativeLines\.issues: lines \d+–\d+ are also named for effortStatus/);
  });

  it("refuses a narrative without its lines and lines outside the entry", () => {
    const set = copy();
    const entry = r5(measure(set, "kumamoto-2020", "6"));
    delete entry.narrativeLines!.issues;
    entry.narrativeLines!.direction = [[entry.source.lines[1] + 1, entry.source.lines[1] + 2]];
    const found = problems(set).join("\n");
    expect(found).toContain("entries.0.narrativeLines.issues: say which lines");
    expect(found).toContain("entries.0.narrativeLines.direction: lines");
  });

  it("refuses a section title taken from another line, and a changed measure name", () => {
    const set = copy();
    const section = plan(set, "kama-2020").plan.sections.find((s) => s.key === "1")!;
    section.title = "「嘉麻市で働きたい」を叶える、安定した雇用を生み出す"; // the 事業一覧's wording (line 197)
    measure(set, "kama-2020", "G4").name = "『住みやすい』『まあ住みやすい』と回答した人の割合。";
    measure(set, "kumamoto-2020", "6").name = "県が育成した防災士の資格取得者数".replace("資格", "資挌");
    const found = problems(set).join("\n");
    expect(found).toContain("plans/kama-2020/plan.yaml [-] sections.1.title");
    expect(found).toContain("[G4] name");
    expect(found).toContain("[6] name");
  });

  it("refuses a section without its source lines and a form name not printed so", () => {
    const set = copy();
    delete plan(set, "kumamoto-2020").plan.sections[0].source;
    plan(set, "kumamoto-2020").plan.printFormName = "＜別記様式2＞";
    const found = problems(set).join("\n");
    expect(found).toContain("sections.0.source: say where section 1");
    expect(found).toContain("printFormName: 「＜別記様式2＞」 is not printed exactly so");
  });
});

describe("seeds:check: units and period totals", () => {
  it("refuses a unit that is printed neither in the measure's lines nor after a figure in its unitSource", () => {
    const set = copy();
    measure(set, "kama-2025", "3-1").series[0].unit = "件"; // no unit is printed on lines 68–69
    measure(set, "kama-2020", "P").series[0].unitSource = { file: "004_5e369564af07010c.txt", lines: [197, 197] };
    const found = problems(set).join("\n");
    expect(found).toContain("[3-1] series.0.unit: 「件」 is not in 004_5e369564af07010c.txt lines 68–69");
    expect(found).toContain("[P] series.0.unit: 「人」 is not printed after a figure of this series");
  });

  it("refuses a 累計 row per plan span (件/4年) left unmarked, and a marked row that is not a running total", () => {
    const set = copy();
    const no5 = measure(set, "kumamoto-2020", "5");
    const total = no5.series.find((s) => s.label === "累計")!;
    total.countsWithinPeriod = false;
    const no13 = measure(set, "kumamoto-2020", "13").series.find((s) => s.label === "累計")!;
    no13.actuals[1].value = "98"; // R3's yearly figure instead of the running total 170
    const found = problems(set).join("\n");
    expect(found).toContain("[5] series.1.countsWithinPeriod: a 累計 row in 「件/4年」 counts within the 4-year plan period");
    expect(found).toContain("[13] series.1.actuals: 2021: 98 is not the running total of the 単年 actuals from 2020 (170)");
  });

  it("marks exactly the seven 熊本県 累計 rows printed per four years", () => {
    const marked = SEEDS.plans.flatMap((p) =>
      p.measures.flatMap(({ measure: m }) => m.series.filter((s) => s.countsWithinPeriod).map((s) => `${p.plan.slug} ${m.no} ${s.label} ${s.unit}`)),
    );
    expect(marked).toEqual([
      "kumamoto-2020 5 累計 件/4年",
      "kumamoto-2020 12 累計 人/4年",
      "kumamoto-2020 13 累計 人/4年",
      "kumamoto-2020 18 累計 社/4年",
      "kumamoto-2020 32 累計 企業・団体等/4年",
      "kumamoto-2020 36 累計 人/4年",
      "kumamoto-2020 48 累計 件/4年",
    ]);
  });
});
