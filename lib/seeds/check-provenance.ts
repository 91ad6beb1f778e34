// Evidence checks on validated seed data: every printed value and every narrative line must stand in the
// source lines the measure names; a printed chart must equal the seeded series in order; a Kama comparison
// value must follow from the yearly actuals. These catch invented or misplaced data.
import { readFileSync } from "node:fs";
import path from "node:path";
import { foundInSource, missingNarrativeLines, sourceSlice } from "./provenance";
import type { SeedProblem, SeedSet } from "./read-seed-files";
import type { MeasureSeed, SeriesSeed } from "./schema";
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
    for (const { file, measure } of bundle.measures) {
      const report = (field: string, message: string) => problems.push({ file, measure: measure.no, field, message });
      const lines = linesOf(measure.source.file);
      if (!lines) {
        report("source.file", `no such source document in ${sourcesDir}: ${measure.source.file}`);
        continue;
      }
      if (measure.source.lines[1] > lines.length) report("source.lines", `the source has only ${lines.length} lines`);
      const text = sourceSlice(lines, measure.source.lines);
      const mustStand = (field: string, printed: string | null | undefined) => {
        if (printed && !foundInSource(printed, text)) report(field, `「${printed}」 is not in ${measure.source.file} lines ${measure.source.lines.join("–")}`);
      };
      mustStand("name", measure.name);
      mustStand("footnote", measure.footnote);
      measure.notes.forEach((n, i) => mustStand(`notes.${i}`, n));
      measure.owners.forEach((o, i) => {
        mustStand(`owners.${i}.department`, o.department);
        mustStand(`owners.${i}.division`, o.division);
      });
      measure.series.forEach((s, i) => checkSeries(s, `series.${i}`, mustStand, report));
      measure.entries.forEach((e, i) => {
        const entryLines = linesOf(e.source.file);
        if (!entryLines) return report(`entries.${i}.source.file`, `no such source document: ${e.source.file}`);
        const entryText = sourceSlice(entryLines, e.source.lines);
        for (const field of ["effortStatus", "issues", "direction"] as const) {
          const narrative = e[field];
          if (!narrative) continue;
          for (const missing of missingNarrativeLines(narrative, entryText)) {
            report(`entries.${i}.${field}`, `「${missing.slice(0, 40)}…」 is not in ${e.source.file} lines ${e.source.lines.join("–")}`);
          }
        }
      });
      measure.officialRatings.forEach((r, i) => {
        if (!r.source) return;
        const rl = linesOf(r.source.file);
        if (rl && !foundInSource(r.rating, sourceSlice(rl, r.source.lines))) report(`officialRatings.${i}`, `「${r.rating}」 is not in its source lines`);
      });
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
  mustStand(`${at}.label`, s.label);
  mustStand(`${at}.unit`, s.unit);
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
