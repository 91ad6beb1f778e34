// The evidence checks over the real seed files (issue: traceable seed data).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSeedFiles } from "../../lib/seeds/read-seed-files";
import { checkProvenance } from "../../lib/seeds/check-provenance";

const seeds = readSeedFiles(path.resolve("seeds"));

describe("seed files", () => {
  it("are valid and every value, chart label and narrative line stands in its source lines", () => {
    const problems = checkProvenance(seeds, path.resolve("seeds", "sources"));
    expect(problems.map((p) => `${p.file} [No ${p.measure}] ${p.field}: ${p.message}`)).toEqual([]);
  });

  it("every measure carries its provenance", () => {
    for (const plan of seeds.plans)
      for (const { measure } of plan.measures) {
        expect(measure.source.file).toMatch(/\.txt$/);
        expect(measure.source.lines[0]).toBeGreaterThan(0);
      }
  });
});
