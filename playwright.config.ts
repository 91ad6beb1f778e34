import { defineConfig } from "@playwright/test";
import { CHROMIUM_PATH } from "./tests/helpers/chromium";

const SEEDED_READERS = /\/(home|dashboard|opendata|print|caching)\.spec\.ts$/;
// the plan workbook fixture was written from the seeded plan in force: it runs before other specs set up its KPIs
const SEEDED_PLAN_IN_FORCE = /\/plan-workbook\.spec\.ts$/;

// Started by tests/run-e2e.ts, which provides a fresh seeded database and a production server (E2E_BASE_URL).
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  outputDir: "test-results",
  // The spec files share one seeded database. Those that read the seed as it is (counts of plans, the default
  // plan, cached public pages) run first, then the plan workbook on the untouched plan in force, then the set-up
  // and workflow specs, which add plans, values and KPIs.
  projects: [
    { name: "seeded", testMatch: SEEDED_READERS },
    { name: "workbook", testMatch: SEEDED_PLAN_IN_FORCE, dependencies: ["seeded"] },
    { name: "workflows", testIgnore: [SEEDED_READERS, SEEDED_PLAN_IN_FORCE], dependencies: ["workbook"] },
  ],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000",
    locale: "ja-JP",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
});
