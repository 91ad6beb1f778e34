// `npm run seeds:check [dir]`: validates seed files and their evidence without touching a database.
import path from "node:path";
import { readSeedFiles, SeedValidationError } from "../../lib/seeds/read-seed-files";
import { checkProvenance } from "../../lib/seeds/check-provenance";

const dir = path.resolve(process.argv[2] ?? "seeds");
const sources = path.resolve(process.argv[3] ?? path.join("seeds", "sources"));
try {
  const set = readSeedFiles(dir);
  const problems = checkProvenance(set, sources);
  const count = set.plans.reduce((n, p) => n + p.measures.length, 0);
  if (problems.length > 0) {
    for (const p of problems) console.error(`${p.file}${p.measure ? ` [No ${p.measure}]` : ""} ${p.field}: ${p.message}`);
    console.error(`${problems.length} evidence problem(s) in ${count} measures`);
    process.exit(1);
  }
  console.log(`seed files OK: ${set.organizations.length} organisations, ${set.plans.length} plans, ${count} measures`);
} catch (e) {
  if (e instanceof SeedValidationError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
