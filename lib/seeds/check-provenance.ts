// Evidence checks on validated seed data: every printed value must stand in the source lines the measure names;
// names, titles, notes, row labels and narratives must equal the printed text exactly (only line breaks joined),
// each narrative on its own lines; a printed chart must equal the seeded series in order; a Kama comparison value
// must follow from the yearly actuals. These catch invented, altered or misplaced data.
import { readFileSync } from "node:fs";
import path from "node:path";
import { foundExactly, foundInSource, narrativeDifference, rangesText, sourceSlice } from "./provenance";
import type { SeedProblem, SeedSet } from "./read-seed-files";
import type { MeasureSeed, SectionSeed, SeriesSeed } from "./schema";
import { parsePrintedNumber } from "../values/printed-number";
import { cellNumber } from "./cell-number";
import { sumStrings } from "../progress/explain";

export function checkProvenance(set: SeedSet, sourcesDir: string): SeedProblem[] {
  const cache = new Map<string, string[]>();
  const linesOf = (file: string): string[] | null => {
    if (!cache.has(file)) {
      try {
        cache.set(file, readFileSync(path.join(sourcesDir, file), "utf8").split("\n"));
      } catch {
        return null;
      }
    }
    return cache.get(file)!;
  };
  const problems: SeedProblem[] = [];
  for (const bundle of set.plans) {
    problems.push(...checkPlan(bundle.file, bundle.plan, linesOf));
    for (const { file, measure } of bundle.measures) {
      const report = (field: string, message: string) => problems.push({ file, measure: measure.no, field, message });
      const lines = linesOf(measure.source.file);
      if (!lines) {
        report("source.file", `no such source document in ${sourcesDir}: ${measure.source.file}`);
        continue;
      }
      if (measure.source.lines[1] > lines.length) report("source.lines", `the source has only ${lines.length} lines`);
      const text = sourceSlice(lines, measure.source.lines);
      const where = `${measure.source.file} lines ${measure.source.lines.join("–")}`;
      // printed values: white space and number formatting relaxed (PDF line breaks, fused number tokens)
      const mustStand = (field: string, printed: string | null | undefined) => {
        if (printed && !foundInSource(printed, text)) report(field, `「${printed}」 is not in ${where}`);
      };
      // printed text: exactly, only line breaks joined
      const mustStandExactly = (field: string, printed: string | null | undefined) => {
        if (printed && !foundExactly(printed, text)) report(field, `「${printed}」 is not printed exactly so in ${where}`);
      };
      mustStandExactly("name", measure.name);
      mustStandExactly("footnote", measure.footnote);
      measure.notes.forEach((n, i) => mustStandExactly(`notes.${i}`, n));
      measure.owners.forEach((o, i) => {
        mustStandExactly(`owners.${i}.department`, o.department);
        mustStandExactly(`owners.${i}.division`, o.division);
      });
      measure.series.forEach((s, i) => {
        mustStandExactly(`series.${i}.label`, s.label);
        checkUnit(s, `series.${i}`, mustStand, linesOf, report);
        checkSeries(s, `series.${i}`, mustStand, report);
        checkPeriodCount(s, measure.series, bundle.plan, `series.${i}`, report);
      });
      measure.entries.forEach((e, i) => checkEntry(e, `entries.${i}`, linesOf, report));
      measure.officialRatings.forEach((r, i) => {
        if (!r.source) return;
        const rl = linesOf(r.source.file);
        if (rl && !foundExactly(r.rating, sourceSlice(rl, r.source.lines))) report(`officialRatings.${i}`, `「${r.rating}」 is not in its source lines`);
      });
    }
  }
  return problems;
}

type LinesOf = (file: string) => string[] | null;
type Report = (field: string, message: string) => void;

const NARRATIVES = [
  ["effortStatus", "取組状況"],
  ["issues", "課題等"],
  ["direction", "今後の方向性"],
] as const;

/**
 * Each narrative must equal, character for character (line breaks joined), the source lines named for it in
 * `narrativeLines`: inside the entry's lines, and not shared with another narrative of the same entry. So a
 * changed character, a dropped or added sentence, and text moved from one of 取組状況 / 課題等 / 今後の方向性 to
 * another are all refused.
 */
function checkEntry(e: MeasureSeed["entries"][number], at: string, linesOf: LinesOf, report: Report) {
  const lines = linesOf(e.source.file);
  if (!lines) return report(`${at}.source.file`, `no such source document: ${e.source.file}`);
  const [from, to] = e.source.lines;
  const claimed: { field: string; range: readonly [number, number] }[] = [];
  for (const [field, heading] of NARRATIVES) {
    const narrative = e[field];
    const ranges = e.narrativeLines?.[field];
    if (!narrative?.trim()) {
      if (ranges) report(`${at}.narrativeLines.${field}`, `lines are given for an empty ${heading}`);
      continue;
    }
    if (!ranges) {
      report(`${at}.narrativeLines.${field}`, `say which lines of ${e.source.file} hold the ${heading}`);
      continue;
    }
    const outside = ranges.find(([a, b]) => a < from || b > to);
    if (outside) {
      report(`${at}.narrativeLines.${field}`, `lines ${outside.join("–")} are outside the entry's lines ${from}–${to}`);
      continue;
    }
    for (const range of ranges) {
      const other = claimed.find((c) => c.range[0] <= range[1] && range[0] <= c.range[1]);
      if (other) report(`${at}.narrativeLines.${field}`, `lines ${range.join("–")} are also named for ${other.field}`);
      claimed.push({ field, range });
    }
    const difference = narrativeDifference(narrative, rangesText(lines, ranges));
    if (difference) {
      report(`${at}.${field}`, `${heading} ${difference} (${e.source.file} lines ${ranges.map((r) => r.join("–")).join(", ")})`);
    }
  }
}

/**
 * A series that counts within the plan period: its actuals must be running totals from the period start (equal to
 * the sums of the 単年 row's actuals where the sheet prints one). And a 累計 row whose unit is per plan span
 * (「件/4年」 in a four-year plan) must be marked.
 */
function checkPeriodCount(
  s: SeriesSeed,
  siblings: SeriesSeed[],
  plan: { startYear: number; endYear: number },
  at: string,
  report: Report,
) {
  const span = plan.endYear - plan.startYear + 1;
  const perPlanSpan = s.unit !== null && new RegExp(`/${span}年$`).test(s.unit);
  if (!s.countsWithinPeriod) {
    if (perPlanSpan && s.label.includes("累計")) {
      report(`${at}.countsWithinPeriod`, `a 累計 row in 「${s.unit}」 counts within the ${span}-year plan period: mark it (countsWithinPeriod: true)`);
    }
    return;
  }
  const single = siblings.find((o) => o !== s && o.label === "単年");
  if (!single) return;
  const yearly = new Map(single.actuals.map((a) => [a.year, cellNumber(a)]));
  let running: string | null = "0";
  for (let year = plan.startYear; year <= plan.endYear; year++) {
    const flow = yearly.get(year);
    running = running !== null && flow != null ? sumStrings([running, flow]) : null;
    const actual = s.actuals.find((a) => a.year === year);
    const total = actual ? cellNumber(actual) : null;
    if (running !== null && total !== null && Number(total) !== Number(running)) {
      report(`${at}.actuals`, `${year}: ${actual!.value} is not the running total of the 単年 actuals from ${plan.startYear} (${running}), so it does not count within the period`);
      return;
    }
  }
}

/** A unit must be printed: in the measure's lines, or in the lines `unitSource` names. */
function checkUnit(
  s: SeriesSeed,
  at: string,
  mustStand: (field: string, printed: string | null | undefined) => void,
  linesOf: LinesOf,
  report: Report,
) {
  if (!s.unitSource) return mustStand(`${at}.unit`, s.unit);
  if (!s.unit) return report(`${at}.unitSource`, "a unitSource without a unit");
  const lines = linesOf(s.unitSource.file);
  if (!lines) return report(`${at}.unitSource.file`, `no such source document: ${s.unitSource.file}`);
  // printed there after one of the series' own figures (「11,913人」), not just anywhere
  const text = sourceSlice(lines, s.unitSource.lines);
  const cells = [s.baseline, ...s.actuals, ...(s.targetPath ?? []), ...(s.estimates ?? []), s.target];
  if (!cells.some((c) => c && foundInSource(`${c.value}${s.unit}`, text))) {
    report(`${at}.unit`, `「${s.unit}」 is not printed after a figure of this series in ${s.unitSource.file} lines ${s.unitSource.lines.join("–")}`);
  }
}

/** Section labels and titles, and the printed form name, exactly as printed in the lines they name. */
function checkPlan(file: string, plan: SeedSet["plans"][number]["plan"], linesOf: LinesOf): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const report = (field: string, message: string) => problems.push({ file, field, message });
  const walk = (sections: SectionSeed[], at: string) =>
    sections.forEach((section, i) => {
      const here = `${at}.${i}`;
      if (!section.source) {
        report(`${here}.source`, `say where section ${section.key} (「${section.title}」) is printed`);
      } else {
        const lines = linesOf(section.source.file);
        if (!lines) report(`${here}.source.file`, `no such source document: ${section.source.file}`);
        else {
          const text = sourceSlice(lines, section.source.lines);
          const where = `${section.source.file} lines ${section.source.lines.join("–")}`;
          if (!foundExactly(section.title, text)) report(`${here}.title`, `「${section.title}」 is not printed exactly so in ${where}`);
          if (section.label && !foundExactly(section.label, text)) report(`${here}.label`, `「${section.label}」 is not printed in ${where}`);
        }
      }
      walk(section.children ?? [], `${here}.children`);
    });
  walk(plan.sections, "sections");
  if (plan.printFormName && plan.printFormNameSource) {
    const lines = linesOf(plan.printFormNameSource.file);
    const where = `${plan.printFormNameSource.file} lines ${plan.printFormNameSource.lines.join("–")}`;
    if (!lines || !foundExactly(plan.printFormName, sourceSlice(lines, plan.printFormNameSource.lines))) {
      report("printFormName", `「${plan.printFormName}」 is not printed exactly so in ${where}`);
    }
  }
  return problems;
}

function checkSeries(
  s: SeriesSeed,
  at: string,
  mustStand: (field: string, printed: string | null | undefined) => void,
  report: (field: string, message: string) => void,
) {
  if (s.baseline) {
    mustStand(`${at}.baseline.value`, s.baseline.value);
    checkNumber(`${at}.baseline`, s.baseline, report);
  }
  s.actuals.forEach((a, j) => {
    mustStand(`${at}.actuals.${j}.value`, a.value);
    checkNumber(`${at}.actuals.${j}`, a, report);
  });
  for (const [k, list] of [["targetPath", s.targetPath], ["estimates", s.estimates]] as const) {
    list?.forEach((c, j) => mustStand(`${at}.${k}.${j}.value`, c.value));
  }
  if (s.target) mustStand(`${at}.target.value`, s.target.value);
  if (s.target?.number && !s.target.value.replace(/,/g, "").includes(s.target.number.replace(/^-/, ""))) {
    report(`${at}.target.number`, `${s.target.number} does not appear in 「${s.target.value}」`);
  }
  if (s.chart) {
    s.chart.forEach((c, j) => mustStand(`${at}.chart.${j}`, c));
    const chartNumbers = s.chart.map((c) => parsePrintedNumber(c));
    const seeded = [s.baseline, ...s.actuals]
      .filter((c) => c !== null)
      .map((c) => cellNumber(c!))
      .filter((n) => n !== null);
    const drawn = chartNumbers.filter((n) => n !== null);
    // the chart lists baseline and actuals in year order, then (often) the target
    const targetNumber = s.target ? (s.target.number ?? parsePrintedNumber(s.target.value)) : null;
    const withoutTarget = drawn.length === seeded.length + 1 && drawn.at(-1) === targetNumber ? drawn.slice(0, -1) : drawn;
    if (withoutTarget.join("|") !== seeded.join("|")) {
      report(`${at}.chart`, `chart labels ${drawn.join(", ")} do not equal the seeded series ${seeded.join(", ")}`);
    }
  }
  // Kama: for every KPI with a numeric target the printed comparison value must follow from the actuals
  if (s.comparison && s.target && s.target.kind !== "milestone") {
    const nums = s.actuals.map((a) => cellNumber(a)).filter((n): n is string => n !== null);
    const computed =
      s.comparison.aggregation === "sum" ? sumStrings(nums) : (nums.at(-1) ?? null);
    const printed = parsePrintedNumber(s.comparison.value);
    if (computed !== null && printed !== null && Number(computed) !== Number(printed)) {
      report(`${at}.comparison`, `${s.comparison.aggregation} of the actuals is ${computed}, the printed comparison value is ${s.comparison.value}`);
    }
  }
}

function checkNumber(field: string, cell: { value: string; number?: string }, report: (f: string, m: string) => void) {
  if (!cell.number) return;
  const digits = cell.number.replace(/^-/, "").replace(/\.0+$/, "");
  const printed = cell.value.replace(/[,，\s]/g, "");
  // 「2兆8,461」 with the unit 億円 is 28,461 (億円): 1兆 = 10,000億
  const cho = /^(\d+)兆(\d+)$/.exec(printed);
  if (cho && BigInt(cho[1]) * 10000n + BigInt(cho[2]) === BigInt(digits.split(".")[0])) return;
  if (!printed.includes(digits)) {
    report(`${field}.number`, `${cell.number} does not appear in the printed 「${cell.value}」`);
  }
}

/** Exact sum of decimal strings: the progress rules' own (no float, as many decimals as the most precise addend). */
export { sumStrings as sumDecimals };

export type { MeasureSeed };
