// `npm test`: the whole suite — unit, integration (real PostgreSQL) and browser tests — then one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { assertChromium } from "./helpers/chromium";

assertChromium();
const require = createRequire(import.meta.url);
const vitest = path.join(path.dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const tsx = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
// not test-results/: Playwright empties that folder when it starts
const out = path.resolve(".test-reports");
mkdirSync(out, { recursive: true });
const vitestJson = path.join(out, "vitest.json");
const playwrightJson = path.join(out, "playwright.json");
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const run = (title: string, args: string[], env: Record<string, string> = {}) => {
  console.log(`\n=== ${title}`);
  return spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
};

const vitestStatus = run("unit and integration tests (vitest)", [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
// KPI_E2E=0 runs the unit and integration tests only (CI's second round: the database-dependent suites against the
// embedded PostgreSQL; the browser tests, which do not depend on which PostgreSQL serves them, ran in the first)
const e2eStatus = process.env.KPI_E2E === "0"
  ? (console.log("\n=== browser tests not run (KPI_E2E=0)"), 0)
  : vitestStatus === 0
  ? run("browser tests (Playwright + Chromium)", [tsx, "tests/run-e2e.ts", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson })
  : (console.error("browser tests skipped: the unit or integration tests failed"), 1);

let passed = 0;
let failed = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, "utf8"));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
if (existsSync(playwrightJson)) {
  const p = JSON.parse(readFileSync(playwrightJson, "utf8"));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
}
if (vitestStatus !== 0 || e2eStatus !== 0) failed = Math.max(failed, 1);
console.log(`\nTests: ${passed} passed, ${failed} failed`);
process.exit(vitestStatus || e2eStatus);
