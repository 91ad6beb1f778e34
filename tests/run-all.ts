// `npm test`: the whole suite — unit, integration (real PostgreSQL) and browser tests — in that order.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { assertChromium } from "./helpers/chromium";

assertChromium();
const require = createRequire(import.meta.url);
const vitest = path.join(path.dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const tsx = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");

const steps: [string, string[]][] = [
  ["unit and integration tests (vitest)", [vitest, "run"]],
  ["browser tests (Playwright + Chromium)", [tsx, "tests/run-e2e.ts"]],
];
for (const [title, args] of steps) {
  console.log(`\n=== ${title}`);
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`\n${title} failed`);
    process.exit(result.status ?? 1);
  }
}
console.log("\nall tests passed");
