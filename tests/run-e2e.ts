// Browser tests against the production build: a fresh migrated and seeded database for this run, the app
// served by `next start` on a free port, then Playwright drives Chromium through it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { assertChromium } from "./helpers/chromium";
import { createDatabase, dropDatabase, startTestServer, uniqueDatabaseName } from "./helpers/test-database";
import { freePort } from "../ops/database/embedded";
import { applyMigrations } from "../ops/migrations/migrations";
import { createPrismaClient } from "../lib/db";
import { seedDatabase } from "../lib/seeds/seed-database";
import { ensureDemoAccounts } from "../lib/demo/demo-accounts";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { startTestSmtp } from "./helpers/smtp-server";

assertChromium();
const require = createRequire(import.meta.url);
const nextBin = path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");
const playwrightCli = path.join(path.dirname(require.resolve("@playwright/test/package.json")), "cli.js");

if (!existsSync(path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID")) || process.env.E2E_REBUILD === "1") {
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = await startTestServer();
// the app's e-mail goes to a real SMTP server of this run; every message lands as an .eml file in E2E_MAIL_DIR
const mailDir = mkdtempSync(path.join(tmpdir(), "kpi-e2e-mail-"));
const smtp = await startTestSmtp({ emlDir: mailDir });
const name = uniqueDatabaseName("kpi_e2e");
let status = 1;
try {
  const url = await createDatabase(server.adminUrl, name);
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  await seedDatabase(prisma);
  await ensureDemoAccounts(prisma);
  await prisma.$disconnect();

  const port = await freePort();
  const app = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", AUTH_SECRET: randomBytes(32).toString("base64"), NEXTAUTH_URL: `http://127.0.0.1:${port}`, SMTP_URL: smtp.url, MAIL_FROM: "KPI <kpi@e2e.example>" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(baseUrl);
  // spawned without blocking: the SMTP server above runs in this process and must keep receiving
  const playwright = spawn(process.execPath, [playwrightCli, "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, E2E_BASE_URL: baseUrl, DATABASE_URL: url, E2E_MAIL_DIR: mailDir, E2E_SMTP_URL: smtp.url },
  });
  status = await new Promise<number>((resolve) => playwright.once("exit", (code) => resolve(code ?? 1)));
  app.kill("SIGTERM");
  await new Promise((r) => app.once("exit", r));
} finally {
  await dropDatabase(server.adminUrl, name).catch(() => {});
  await server.stop();
  await smtp.stop();
  rmSync(mailDir, { recursive: true, force: true });
}
process.exit(status);

async function waitFor(url: string) {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not start at ${url}`);
}
