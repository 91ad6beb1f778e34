// `npm run bench`: the national-scale benchmark. The benchmark's production build (bench/build.ts: the product plus
// the static ceiling page, in .next-bench; reused unless BENCH_REBUILD=1, served from a private copy); a fresh
// database (a throw-away embedded PostgreSQL, or a new database on BENCH_DATABASE_URL's / TEST_DATABASE_URL's server),
// migrated and filled with the SYNTHETIC dataset (bench/generate-national-dataset.ts); SQL statements per page;
// `next start`; then autocannon against the overview, a department page and a KPI page of an organisation in the
// middle of the dataset, the same page types of a different organisation every request, and the static ceiling page
// (/bench-static, bench/ceiling-route.ts), at 1 and 16 connections. Prints the table and the budgets
// (bench/report.ts), writes bench/results/latest.json, and stops and removes everything it started.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { randomBytes } from "node:crypto";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { freePort, handleSignalsYourself, startEmbeddedPostgres } from "../ops/database/embedded";
import { applyMigrations } from "../ops/migrations/migrations";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../tests/helpers/test-database";
import { generateNationalDataset, SYNTHETIC, syntheticCode, syntheticDepartmentId } from "./generate-national-dataset";
import { benchBuild } from "./build";
import { firstLoadJs, scriptsInHtml, type FirstLoadJs } from "./first-load-js";
import { measure } from "./load";
import { BUDGETS, evaluateBudgets, firstVisitComparisons, kb, printReport, type Row } from "./report";
import { otherCores, sampleTicks } from "./machine-load";

process.chdir(path.resolve(import.meta.dirname, ".."));
const require = createRequire(import.meta.url);
const nextBin = path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");
const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? SYNTHETIC.organizations);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = [1, 16];
const RESULTS = path.resolve("bench", "results");
const log = (m: string) => console.log(`[bench] ${m}`);

// everything started is stopped in reverse order, on success, on failure and on Ctrl-C
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  while (cleanups.length) await cleanups.pop()!().catch((e) => console.error(`[bench] clean-up: ${e instanceof Error ? e.message : e}`));
}
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(code)));
// this script stops the server, the database and the temporary files itself, in order
handleSignalsYourself(["SIGINT", "SIGTERM", "SIGHUP"]);

async function database(): Promise<string> {
  let adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), "kpi-bench-pg-"));
    const pg = await startEmbeddedPostgres({ dataDir: dir, ephemeral: true });
    cleanups.push(async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
      log("embedded PostgreSQL stopped");
    });
    adminUrl = pg.adminUrl;
    log(`embedded PostgreSQL started (throw-away, ${dir})`);
  }
  const name = uniqueDatabaseName("kpi_bench");
  const url = await createDatabase(adminUrl, name);
  cleanups.push(() => dropDatabase(adminUrl, name));
  return url;
}

/** The servers run from a private copy of the benchmark's build (as .next of a temporary folder): another build in
 *  this checkout (tests, a colleague, BENCH_REBUILD) would otherwise replace it under them in a measurement. */
function copyBuild(buildDir: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kpi-bench-app-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  cpSync(buildDir, path.join(dir, ".next"), { recursive: true, verbatimSymlinks: true, filter: (src) => !/^(cache|dev|lock)([\\/]|$)/.test(path.relative(buildDir, src)) });
  if (!existsSync(path.join(dir, ".next", "BUILD_ID"))) throw new Error(`the build in ${buildDir} is incomplete (is another build running here?)`);
  for (const file of ["package.json", "next.config.ts"]) cpSync(file, path.join(dir, file));
  symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"), "dir");
  symlinkSync(path.resolve("lib"), path.join(dir, "lib"), "dir"); // next.config.ts imports from lib/
  return dir;
}

type DataCost = { queries: Record<string, number>; dataMs: Record<string, number> };
function countQueries(args: { url: string; code: string; slug: string; no: string; unitId: string }): DataCost {
  // the lib modules import "server-only": run them under the react-server export condition, as Next does
  const child = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/count-queries.ts", JSON.stringify(args)], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`counting queries failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as DataCost;
}

/** `next start` on a free port; its output goes to `onOutput`. Returns the base URL and a stop function. */
async function startServer(appDir: string, url: string, env: Record<string, string>, onOutput: (chunk: string) => void) {
  const port = await freePort();
  const server = spawn(process.execPath, [nextBin, "start", appDir, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: appDir,
    env: { ...process.env, NEXT_DIST_DIR: ".next", DATABASE_URL: url, NODE_ENV: "production", AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (c: Buffer) => onOutput(c.toString()));
  server.stderr!.on("data", (c: Buffer) => onOutput(c.toString()));
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    log(`next start on port ${port} stopped`);
  };
  cleanups.push(stop);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}): see bench/results/server.log`);
    if (await fetch(`${base}/orgs`).then((r) => r.status < 500, () => false)) return { base, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("next start did not answer within 60 s");
}

/** SQL statements one request of each page sends, as the server logs them (KPI_LOG_QUERIES=1: lib/db.ts): the
 *  first request of a URL (nothing cached) and the next one (the anonymous readers' cached copy: none). */
async function queriesPerRequest(appDir: string, url: string, pages: Page[]): Promise<Record<string, { cold: number; warm: number }>> {
  let statements = 0;
  let partial = "";
  const { base, stop } = await startServer(appDir, url, { KPI_LOG_QUERIES: "1" }, (chunk) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop()!;
    statements += lines.filter((l) => l.startsWith("[sql]")).length;
  });
  const counts: Record<string, { cold: number; warm: number }> = {};
  const count = async (path: string) => {
    const before = statements;
    await fetchPage(base + path);
    await new Promise((r) => setTimeout(r, 300)); // the log reaches us after the response
    return statements - before;
  };
  for (const p of pages) {
    const cold = await count(p.paths[0]);
    counts[p.key] = { cold, warm: await count(p.paths[0]) };
  }
  await stop();
  return counts;
}

async function fetchPage(url: string): Promise<{ html: string; bytes: number; gzipBytes: number; cache: string | null }> {
  const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return { html, bytes: Buffer.byteLength(html), gzipBytes: gzipSync(html).length, cache: res.headers.get("x-nextjs-cache") };
}

/** 0 … n−1 in a fixed pseudo-random order (the same on every run). */
function shuffled(n: number): number[] {
  const xs = Array.from({ length: n }, (_, i) => i);
  let seed = 2024;
  for (let i = n - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** A page type: `paths[0]` is the representative URL; a spread variant asks for a different page every request. */
type Page = { key: string; label: string; paths: string[]; route: string | null; spread?: boolean };

try {
  const started = Date.now();
  // first: a failing build stops the run before the minute of data generation
  const appDir = copyBuild(benchBuild());
  const url = await database();
  await applyMigrations(url);
  log(`generating the synthetic national dataset (${ORGANIZATIONS} organisations × ${SYNTHETIC.measuresPerPlan} KPIs × 5 years) …`);
  const dataset = await generateNationalDataset(url, () => {}, ORGANIZATIONS);
  log(`dataset: ${Object.entries(dataset).map(([k, n]) => `${k} ${n.toLocaleString("en-US")}`).join(", ")} (${Math.round((Date.now() - started) / 1000)} s)`);

  const middle = Math.ceil(ORGANIZATIONS / 2);
  const code = syntheticCode(middle);
  const slug = SYNTHETIC.planSlug;
  const unitId = syntheticDepartmentId(middle, 0);
  const no = "25";
  const pages: Page[] = [
    { key: "ceiling", label: "static ceiling", paths: ["/bench-static"], route: null },
    { key: "overview", label: "overview", paths: [`/orgs/${code}/plans/${slug}`], route: "/orgs/[code]/plans/[slug]" },
    { key: "department", label: "department", paths: [`/orgs/${code}/units/${unitId}`], route: "/orgs/[code]/units/[unitId]" },
    { key: "kpi", label: "KPI page", paths: [`/orgs/${code}/plans/${slug}/measures/${no}`], route: "/orgs/[code]/plans/[slug]/measures/[no]" },
  ];
  // the same page again and again is served from the anonymous readers' cached copy (lib/anonymous-cache);
  // visitors spread over 1,741 organisations mostly are not: a different organisation's page every request
  const orgs = shuffled(ORGANIZATIONS).map((i) => i + 1);
  const spreads: Page[] = [
    { key: "overview-spread", label: "overview *", paths: orgs.map((i) => `/orgs/${syntheticCode(i)}/plans/${slug}`), route: null, spread: true },
    { key: "kpi-spread", label: "KPI page *", paths: [0, 1, 2, 3].flatMap((k) => orgs.map((i) => `/orgs/${syntheticCode(i)}/plans/${slug}/measures/${((i + k * 13) % SYNTHETIC.measuresPerPlan) + 1}`)), route: null, spread: true },
  ];
  const cursor = new Map<string, number>(); // a spread run goes on where the previous one stopped: no URL twice
  const js: Record<string, FirstLoadJs> = Object.fromEntries(pages.flatMap((p) => (p.route ? [[p.key, firstLoadJs(p.route, path.join(appDir, ".next"))]] : [])));
  const inProcess = countQueries({ url, code, slug, no, unitId });
  const queries = await queriesPerRequest(appDir, url, pages);
  const dataMs = inProcess.dataMs;

  mkdirSync(RESULTS, { recursive: true });
  const serverLog = createWriteStream(path.join(RESULTS, "server.log"));
  const { base } = await startServer(appDir, url, {}, (c) => serverLog.write(c));
  const html: Record<string, { bytes: number; gzipBytes: number }> = {};
  for (const p of pages) {
    const page = await fetchPage(base + p.paths[0]);
    html[p.key] = { bytes: page.bytes, gzipBytes: page.gzipBytes };
    const missing = js[p.key] ? scriptsInHtml(page.html).filter((s) => !js[p.key].files.some((f) => f.file === s) && !js[p.key].polyfills.includes(s)) : [];
    if (missing.length) log(`note: ${p.label} also loads ${missing.join(", ")} (not counted as first-load JS)`);
  }
  const cache = (await fetchPage(base + pages[0].paths[0])).cache;
  if (cache !== "HIT" && cache !== null) log(`warning: the ceiling page was not served from Next's cache (x-nextjs-cache: ${cache})`);

  log("warming up (3 s per page at 4 connections) …");
  for (const p of pages) await measure(base, p.paths, 4, 3);
  const results: Row[] = [];
  for (const c of CONNECTIONS)
    for (const p of [...pages, ...spreads]) {
      log(`${p.label} at ${c} connection${c > 1 ? "s" : ""} for ${SECONDS} s …`);
      const before = sampleTicks();
      const from = cursor.get(p.key) ?? 0;
      const m = await measure(base, [...p.paths.slice(from), ...p.paths.slice(0, from)], c, SECONDS);
      cursor.set(p.key, (from + m.requests) % p.paths.length);
      const other = otherCores(before, sampleTicks());
      const ceiling = results.find((r) => r.page === "ceiling" && r.connections === c);
      const of = p.key.replace("-spread", "");
      results.push({
        ...m,
        page: p.key,
        label: p.label,
        ratio: ceiling ? Math.round((m.requestsPerSecond / ceiling.requestsPerSecond) * 1000) / 1000 : 1,
        otherCores: other,
        htmlKb: kb(html[of].bytes),
        sql: p.spread ? queries[of].cold : queries[of].warm,
        dataMs: dataMs[of] ?? null,
      });
    }

  const heading = `Synthetic national dataset: ${ORGANIZATIONS} organisations; pages of ${code} (合成データ団体${String(middle).padStart(4, "0")}); ${cpus().length} CPU(s), Node ${process.version}`;
  const budgets = evaluateBudgets(results, js.kpi);
  const firstVisits = firstVisitComparisons(results);
  printReport(heading, results, js, inProcess.queries, budgets, firstVisits, ORGANIZATIONS === SYNTHETIC.organizations ? null : `BENCH_ORGANIZATIONS=${ORGANIZATIONS}: the budgets are defined for the national dataset of ${SYNTHETIC.organizations}`);

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGb: Math.round(totalmem() / 1e9), node: process.version },
    dataset: { synthetic: true, organizations: ORGANIZATIONS, rows: dataset },
    pages: pages.map((p) => ({ ...p, htmlBytes: html[p.key].bytes, htmlGzipBytes: html[p.key].gzipBytes, sqlQueries: queries[p.key], dataFunctionQueries: inProcess.queries[p.key] ?? null, dataFunctionMs: dataMs[p.key] ?? null, firstLoadJs: js[p.key] ?? null })),
    seconds: SECONDS,
    budgetsDefinition: BUDGETS,
    spreads: spreads.map((p) => ({ key: p.key, label: p.label, urls: p.paths.length })),
    results,
    budgets,
    firstVisits,
  };
  writeFileSync(path.join(RESULTS, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  log(`results written to bench/results/latest.json (whole run ${Math.round((Date.now() - started) / 1000)} s)`);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(process.exitCode ?? 0);
