// Reads and validates every seed file under a directory. Nothing is loaded unless everything is valid;
// each problem names the file, the measure and the field.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import {
  measureSchema,
  organizationSchema,
  planSchema,
  type MeasureSeed,
  type OrganizationSeed,
  type PlanSeed,
} from "./schema";

export type PlanBundle = { file: string; plan: PlanSeed; measures: { file: string; measure: MeasureSeed }[] };
export type SeedSet = { organizations: { file: string; organization: OrganizationSeed }[]; plans: PlanBundle[] };
export type SeedProblem = { file: string; measure?: string; field: string; message: string };

export class SeedValidationError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(
      `seed files are invalid (nothing was loaded):\n` +
        problems
          .map((p) => `  ${p.file}${p.measure ? ` [No ${p.measure}]` : ""} ${p.field}: ${p.message}`)
          .join("\n"),
    );
    this.name = "SeedValidationError";
  }
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

function parseFile<T>(file: string, schema: z.ZodType<T>, problems: SeedProblem[], root: string): T | null {
  const rel = path.relative(root, file);
  let data: unknown;
  try {
    data = parse(readFileSync(file, "utf8"));
  } catch (e) {
    problems.push({ file: rel, field: "(file)", message: `not valid YAML: ${(e as Error).message.split("\n")[0]}` });
    return null;
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const measure =
      data && typeof data === "object" && "no" in data ? String((data as { no: unknown }).no) : undefined;
    for (const issue of result.error.issues) {
      problems.push({ file: rel, measure, field: issue.path.join(".") || "(root)", message: issue.message });
    }
    return null;
  }
  return result.data;
}

/** Reads seeds/organizations/*.yaml and seeds/plans/<slug>/{plan.yaml,measures/*.yaml}. */
export function readSeedFiles(seedDir: string): SeedSet {
  const problems: SeedProblem[] = [];
  const organizations: SeedSet["organizations"] = [];
  for (const file of yamlFiles(path.join(seedDir, "organizations"))) {
    const organization = parseFile(file, organizationSchema, problems, seedDir);
    if (organization) organizations.push({ file: path.relative(seedDir, file), organization });
  }
  const plans: PlanBundle[] = [];
  const plansDir = path.join(seedDir, "plans");
  const planDirs = existsSync(plansDir)
    ? readdirSync(plansDir)
        .filter((d) => statSync(path.join(plansDir, d)).isDirectory())
        .sort()
    : [];
  for (const dir of planDirs) {
    const planFile = path.join(plansDir, dir, "plan.yaml");
    const plan = parseFile(planFile, planSchema, problems, seedDir);
    const measures: PlanBundle["measures"] = [];
    for (const file of yamlFiles(path.join(plansDir, dir, "measures"))) {
      const measure = parseFile(file, measureSchema, problems, seedDir);
      if (measure) measures.push({ file: path.relative(seedDir, file), measure });
    }
    if (plan) plans.push({ file: path.relative(seedDir, planFile), plan, measures });
  }
  problems.push(...crossCheck({ organizations, plans }));
  if (problems.length > 0) throw new SeedValidationError(problems);
  return { organizations, plans };
}

function sectionKeys(sections: PlanSeed["sections"]): string[] {
  return sections.flatMap((s) => [s.key, ...sectionKeys(s.children ?? [])]);
}

/** Checks that need more than one file: references between files and duplicates. */
function crossCheck(set: SeedSet): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const codes = new Set(set.organizations.map((o) => o.organization.code));
  const slugs = new Set<string>();
  for (const bundle of set.plans) {
    const { plan } = bundle;
    if (!codes.has(plan.organization)) {
      problems.push({ file: bundle.file, field: "organization", message: `no organisation with code ${plan.organization}` });
    }
    if (slugs.has(plan.slug)) problems.push({ file: bundle.file, field: "slug", message: `duplicate plan slug ${plan.slug}` });
    slugs.add(plan.slug);
    const keys = sectionKeys(plan.sections);
    const dupKey = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dupKey) problems.push({ file: bundle.file, field: "sections", message: `duplicate section key ${dupKey}` });
    const nos = new Set<string>();
    for (const { file, measure } of bundle.measures) {
      if (nos.has(measure.no)) problems.push({ file, measure: measure.no, field: "no", message: "duplicate measure number in this plan" });
      nos.add(measure.no);
      if (measure.section !== null && !keys.includes(measure.section)) {
        problems.push({ file, measure: measure.no, field: "section", message: `no section with key ${measure.section} in ${bundle.file}` });
      }
      measure.series.forEach((s, i) => {
        const years = s.actuals.map((a) => a.year);
        const dup = years.find((y, j) => years.indexOf(y) !== j);
        if (dup) problems.push({ file, measure: measure.no, field: `series.${i}.actuals`, message: `two actuals for ${dup}` });
      });
      const entryYears = measure.entries.map((e) => e.evaluationYear);
      const dupEntry = entryYears.find((y, j) => entryYears.indexOf(y) !== j);
      if (dupEntry) problems.push({ file, measure: measure.no, field: "entries", message: `two entries for ${dupEntry}` });
    }
  }
  return problems;
}
