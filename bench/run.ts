// `npm run bench`: the national-scale benchmark. The benchmark's production build (bench/build.ts: the product plus
// the static ceiling page, in .next-bench; reused unless BENCH_REBUILD=1, served from a private copy); a fresh
// database (a throw-away embedded PostgreSQL, or a new database on BENCH_DATABASE_URL's / TEST_DATABASE_URL's server),
// migrated and filled with the SYNTHETIC dataset (bench/generate-national-dataset.ts) and an officer of the middle
// organisation (bench/officer.ts); SQL statements per page; then the server started as `npm start` starts it
// (ops/cli/start.ts) and autocannon against:
// - with 1 worker, at 1 and 16 connections: the overview, a department page and a KPI page of an organisation in the
//   middle of the dataset (one URL again and again: the anonymous readers' cached copy), the KPI page signed in as
//   the officer (session cookie from a real sign-in), the overview filtered by a department, the same page types of
//   a different organisation every request (first visits), and the static ceiling page (/bench-static,
//   bench/ceiling-route.ts);
// - with 2 workers (KPI_WORKERS=2: node:cluster, one port, a shared server-action key; the cache in Redis when
//   BENCH_REDIS_URL / REDIS_URL is set or one answers on 127.0.0.1:6379, under a key prefix of this run only), at 16
//   connections only (the budgets' figure; 1 connection cannot use a second process): the ceiling again and the
//   pages rendered per request (signed-in, filtered, first visits); with Redis, the same rows with 1 worker and the
//   same Redis cache, to compare like with like.
// Each server is warmed up before it is measured (below: about a thousand requests per process and page, as a server
// that has run for a while). The whole run takes about 10 minutes on 2 cores.
// Prints the table and the budgets (bench/report.ts), writes bench/results/latest.json, and stops and removes
// everything it started.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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
import { BUDGETS, type Cache, evaluateBudgets, firstVisitComparisons, kb, PER_REQUEST_PAGES, printReport, speedup, type Row } from "./report";
import { createOfficer, signIn } from "./officer";
import { createClient } from "@redis/client";
import { cpuUse, sampleTicks } from "./machine-load";

process.chdir(path.resolve(import.meta.dirname, ".."));
const START = path.resolve("ops", "cli", "start.ts"); // what `npm start` runs
const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? SYNTHETIC.organizations);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = [1, 16];
/** Warming up before the measurements (below): requests per server process, at most so many seconds a page, in
 *  rounds; the first-visit pages (*) more briefly (each request uses up a URL; their code is mostly the rendered
 *  pages' and is warmed with them). */
const WARM_REQUESTS = 1200;
const WARM_MAX_SECONDS = 30;
const WARM_SPREAD_SECONDS = 6;
const WARM_ROUND_SECONDS = 2;
/** One signing key for every server of the run: the officer's session cookie is valid in each of them. */
const AUTH_SECRET = process.env.AUTH_SECRET ?? randomBytes(32).toString("base64");
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
  symlinkSync(path.resolve("prisma"), path.join(dir, "prisma"), "dir"); // the launcher (ops/cli/start.ts) checks the migrations
  return dir;
}

type DataCost = { queries: Record<string, number>; dataMs: Record<string, number> };
function countQueries(args: { url: string; code: string; slug: string; no: string; unitId: string }): DataCost {
  // the lib modules import "server-only": run them under the react-server export condition, as Next does
  const child = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/count-queries.ts", JSON.stringify(args)], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`counting queries failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as DataCost;
}

/** The server on a free port, started as `npm start` starts it (ops/cli/start.ts: `next start`, or with
 *  KPI_WORKERS=N that many processes on the one port), from the build copy and on the bench's database (already
 *  migrated and filled: the launcher finds nothing to do there). Its output goes to `onOutput`. Returns the base
 *  URL and a stop function. */
async function startServer(appDir: string, url: string, env: Record<string, string>, onOutput: (chunk: string) => void) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serverEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_DIST_DIR: ".next", DATABASE_URL: url, NODE_ENV: "production", AUTH_SECRET, NEXTAUTH_URL: base, PORT: String(port), HOST: "127.0.0.1", KPI_WORKERS: "1", ...env };
  if (!env.REDIS_URL) delete serverEnv.REDIS_URL; // Redis only where this script asks for it
  // node --import tsx rather than the tsx command: no extra process in between that would have to pass signals on
  const server = spawn(process.execPath, ["--import", "tsx", START], { cwd: appDir, env: serverEnv, stdio: ["ignore", "pipe", "pipe"] });
  let tail = ""; // the last of its output, for the message if it does not come up
  for (const stream of [server.stdout!, server.stderr!])
    stream.on("data", (c: Buffer) => {
      tail = (tail + c.toString()).slice(-2000);
      onOutput(c.toString());
    });
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM"); // the launcher stops its server process(es), then exits
    const timer = setTimeout(() => server.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
    log(`server on port ${port} stopped`);
  };
  cleanups.push(stop);
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${tail}`);
    if (await fetch(`${base}/orgs`).then((r) => r.status < 500, () => false)) return { base, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not answer within 60 s");
}

/** The Redis for the two-worker server: BENCH_REDIS_URL, REDIS_URL, or the machine's own on 127.0.0.1:6379 when it
 *  answers; null without one (then the workers cache nothing: lib/server/cache-handler.mjs). */
async function findRedis(): Promise<string | null> {
  const candidate = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const client = createClient({ url: candidate, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return candidate;
  } catch {
    if (process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL) throw new Error(`Redis at ${candidate} does not answer`);
    return null;
  } finally {
    if (client.isOpen) await client.close();
  }
}

/** Removes this run's keys (KPI_REDIS_PREFIX) from Redis. */
async function removeRedisKeys(redisUrl: string, prefix: string) {
  const client = createClient({ url: redisUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    let removed = 0;
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length) removed += await client.del(keys);
    log(`Redis: removed this run's ${removed} keys (${prefix}*)`);
  } finally {
    await client.close();
  }
}

/** SQL statements one request of each page sends, as the server logs them (KPI_LOG_QUERIES=1: lib/db.ts): the
 *  first request of a URL (nothing cached) and the next one (the anonymous readers' cached copy: none). */
async function queriesPerRequest(appDir: string, url: string, pages: Page[], onStarted: (base: string) => Promise<void>): Promise<Record<string, { cold: number; warm: number }>> {
  let statements = 0;
  let partial = "";
  const { base, stop } = await startServer(appDir, url, { KPI_LOG_QUERIES: "1" }, (chunk) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop()!;
    statements += lines.filter((l) => l.startsWith("[sql]")).length;
  });
  await onStarted(base);
  const counts: Record<string, { cold: number; warm: number }> = {};
  const count = async (p: Page) => {
    await new Promise((r) => setTimeout(r, 300)); // the log of what came before (the sign-in) has reached us
    const before = statements;
    await fetchPage(base + p.paths[0], headersOf(p));
    await new Promise((r) => setTimeout(r, 300)); // the log reaches us after the response
    return statements - before;
  };
  for (const p of pages) {
    const cold = await count(p);
    counts[p.key] = { cold, warm: await count(p) };
  }
  await stop();
  return counts;
}

async function fetchPage(url: string, headers: Record<string, string> = {}): Promise<{ html: string; bytes: number; gzipBytes: number; cache: string | null; worker: string | null }> {
  const res = await fetch(url, { headers: { "accept-encoding": "identity", ...headers }, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return { html, bytes: Buffer.byteLength(html), gzipBytes: gzipSync(html).length, cache: res.headers.get("x-nextjs-cache"), worker: res.headers.get("x-kpi-worker") };
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

/** A page type: `paths[0]` is the representative URL; a spread variant asks for a different page every request;
 *  `signedIn`: requested with the officer's session cookie. */
type Page = { key: string; label: string; paths: string[]; route: string | null; spread?: boolean; signedIn?: boolean };

/** The Cookie header of the officer's session, once signed in. */
let officerCookie = "";
const headersOf = (p: Page): Record<string, string> => (p.signedIn ? { cookie: officerCookie } : {});

try {
  const started = Date.now();
  // first: a failing build stops the run before the minute of data generation
  const appDir = copyBuild(benchBuild());
  const url = await database();
  const databaseName = new URL(url).pathname.slice(1);
  await applyMigrations(url);
  log(`generating the synthetic national dataset (${ORGANIZATIONS} organisations × ${SYNTHETIC.measuresPerPlan} KPIs × 5 years) …`);
  const dataset = await generateNationalDataset(url, () => {}, ORGANIZATIONS);
  log(`dataset: ${Object.entries(dataset).map(([k, n]) => `${k} ${n.toLocaleString("en-US")}`).join(", ")} (${Math.round((Date.now() - started) / 1000)} s)`);

  const middle = Math.ceil(ORGANIZATIONS / 2);
  const code = syntheticCode(middle);
  const slug = SYNTHETIC.planSlug;
  const unitId = syntheticDepartmentId(middle, 0);
  const no = "25";
  const officer = await createOfficer(url, code, slug, no);
  log(`officer ${officer.email}: member of ${officer.departmentId}, which owns KPI ${no} of ${code}`);
  const overviewPath = `/orgs/${code}/plans/${slug}`;
  const kpiPath = `${overviewPath}/measures/${no}`;
  const pages: Page[] = [
    { key: "ceiling", label: "static ceiling", paths: ["/bench-static"], route: null },
    { key: "overview", label: "overview", paths: [overviewPath], route: "/orgs/[code]/plans/[slug]" },
    { key: "department", label: "department", paths: [`/orgs/${code}/units/${unitId}`], route: "/orgs/[code]/units/[unitId]" },
    { key: "kpi", label: "KPI page", paths: [kpiPath], route: "/orgs/[code]/plans/[slug]/measures/[no]" },
    // rendered per request: a signed-in reader (the session cookie) and a filter (the query) never get the
    // anonymous readers' copy; the officer's own department, as an officer would filter
    { key: "kpi-officer", label: "KPI page, officer", paths: [kpiPath], route: null, signedIn: true },
    { key: "overview-filtered", label: "overview, filtered", paths: [`${overviewPath}?department=${encodeURIComponent(officer.departmentId)}`], route: null },
  ];
  // the same page again and again is served from the anonymous readers' cached copy (lib/anonymous-cache);
  // visitors spread over 1,741 organisations mostly are not: a different organisation's page every request
  const orgs = shuffled(ORGANIZATIONS).map((i) => i + 1);
  const spreads: Page[] = [
    { key: "overview-spread", label: "overview *", paths: orgs.map((i) => `/orgs/${syntheticCode(i)}/plans/${slug}`), route: null, spread: true },
    { key: "kpi-spread", label: "KPI page *", paths: [0, 1, 2, 3].flatMap((k) => orgs.map((i) => `/orgs/${syntheticCode(i)}/plans/${slug}/measures/${((i + k * 13) % SYNTHETIC.measuresPerPlan) + 1}`)), route: null, spread: true },
  ];
  const cursor = new Map<string, number>(); // a spread run goes on where the previous one stopped: no URL twice
  /** A page's URLs from where its previous run stopped (a spread's; any other page has one URL). */
  const nextPaths = (p: Page): string[] => {
    const from = cursor.get(p.key) ?? 0;
    return [...p.paths.slice(from), ...p.paths.slice(0, from)];
  };
  const advance = (p: Page, requests: number): void => void cursor.set(p.key, ((cursor.get(p.key) ?? 0) + requests) % p.paths.length);
  const js: Record<string, FirstLoadJs> = Object.fromEntries(pages.flatMap((p) => (p.route ? [[p.key, firstLoadJs(p.route, path.join(appDir, ".next"))]] : [])));
  const inProcess = countQueries({ url, code, slug, no, unitId });
  // the officer signs in once, on the first server; the cookie is valid on every later one (same AUTH_SECRET)
  const queries = await queriesPerRequest(appDir, url, pages, async (base) => void (officerCookie = await signIn(base, officer)));
  const dataMs = inProcess.dataMs;

  mkdirSync(RESULTS, { recursive: true });
  const serverLog = createWriteStream(path.join(RESULTS, "server.log"));
  const redisUrl = await findRedis();
  const redisPrefix = `kpi-bench-${randomBytes(4).toString("hex")}`;
  if (redisUrl) cleanups.push(() => removeRedisKeys(redisUrl, redisPrefix));
  // 1 worker as `npm start` runs by default (the cache in its memory): every row; 2 workers as a several-process
  // installation runs (the cache in Redis, shared; without one they cache nothing at all): the ceiling and the pages
  // rendered per request, at 16 connections. With Redis, 1 worker with the same Redis cache too, so that the
  // 2-worker speed-up compares like with like (not Redis against memory). Each server starts with an empty cache.
  const perRequest = [...pages, ...spreads].filter((p) => p.key === "ceiling" || PER_REQUEST_PAGES.includes(p.key));
  const withRedis = (workers: number): Record<string, string> => (redisUrl ? { REDIS_URL: redisUrl, KPI_REDIS_PREFIX: `${redisPrefix}-w${workers}` } : {});
  const configs: { workers: number; cache: Cache; env: Record<string, string>; connections: number[]; pages: Page[] }[] = [
    { workers: 1, cache: "memory", env: {}, connections: CONNECTIONS, pages: [...pages, ...spreads] },
    ...(redisUrl ? [{ workers: 1, cache: "redis" as const, env: withRedis(1), connections: [16], pages: perRequest }] : []),
    { workers: 2, cache: redisUrl ? "redis" : "none", env: { KPI_WORKERS: "2", ...withRedis(2) }, connections: [16], pages: perRequest },
  ];
  const html: Record<string, { bytes: number; gzipBytes: number }> = {};
  const results: Row[] = [];
  const warmUps: { workers: number; cache: Cache; page: string; requests: number; seconds: number; requestsPerSecondPerRound: number[] }[] = [];
  for (const config of configs) {
    const { workers, cache } = config;
    const { base, stop } = await startServer(appDir, url, config.env, (c) => serverLog.write(c));
    log(`${workers} worker${workers > 1 ? "s" : ""} (${cache === "redis" ? `cache in Redis ${redisUrl}, prefix ${config.env.KPI_REDIS_PREFIX}` : cache === "none" ? "no Redis: nothing cached" : "cache in memory"}) at ${base}`);
    for (const p of config.pages.filter((p) => !p.spread)) {
      const page = await fetchPage(base + p.paths[0], headersOf(p));
      if (p.signedIn && !page.html.includes(officer.name)) throw new Error(`${p.label}: the page does not name the signed-in officer`);
      if (cache !== "memory") continue;
      html[p.key] = { bytes: page.bytes, gzipBytes: page.gzipBytes };
      const missing = js[p.key] ? scriptsInHtml(page.html).filter((s) => !js[p.key].files.some((f) => f.file === s) && !js[p.key].polyfills.includes(s)) : [];
      if (missing.length) log(`note: ${p.label} also loads ${missing.join(", ")} (not counted as first-load JS)`);
    }
    const ceilingCache = (await fetchPage(base + pages[0].paths[0])).cache;
    if (ceilingCache !== "HIT" && ceilingCache !== null) log(`warning: the ceiling page was not served from Next's cache (x-nextjs-cache: ${ceilingCache})`);
    if (workers > 1) {
      // autocannon's connections are handed round the workers as they open: every worker must answer
      const answered = new Set((await Promise.all(Array.from({ length: 8 }, () => fetchPage(base + pages[0].paths[0])))).map((r) => r.worker));
      log(`answered by worker(s) ${[...answered].join(", ")}`);
      if (answered.size < workers) log(`warning: only ${answered.size} of ${workers} workers answered 8 concurrent requests`);
    }

    // a server that has run for a while: V8 optimises a render's code only after it has run it often, and a
    // page rendered per request serves about half its steady rate over its first thousand requests (seed data,
    // the officer's KPI page, 16 connections, 4 s rounds on a new server: 43, 56, 60, 64, 84, 80, 83, 87 req/s)
    log(`warming up (16 connections, ${WARM_REQUESTS.toLocaleString("en-US")} requests per worker or ${WARM_MAX_SECONDS} s per page; first visits ${WARM_SPREAD_SECONDS} s, on URLs not measured) …`);
    for (const p of [...config.pages.filter((p) => !p.spread), ...config.pages.filter((p) => p.spread)]) {
      const rounds: number[] = [];
      let requests = 0;
      const limit = p.spread ? WARM_SPREAD_SECONDS : WARM_MAX_SECONDS;
      while (requests < WARM_REQUESTS * workers && rounds.length * WARM_ROUND_SECONDS < limit) {
        const m = await measure(base, nextPaths(p), 16, WARM_ROUND_SECONDS, headersOf(p));
        advance(p, m.requests);
        requests += m.requests;
        rounds.push(Math.round(m.requestsPerSecond));
      }
      warmUps.push({ workers, cache, page: p.key, requests, seconds: rounds.length * WARM_ROUND_SECONDS, requestsPerSecondPerRound: rounds });
      log(`  ${p.label}: ${requests.toLocaleString("en-US")} requests in ${rounds.length * WARM_ROUND_SECONDS} s (req/s per round: ${rounds.join(", ")})`);
    }
    for (const c of config.connections)
      for (const p of config.pages) {
        log(`${p.label}, ${workers} worker${workers > 1 ? "s" : ""} (cache: ${cache}), at ${c} connection${c > 1 ? "s" : ""} for ${SECONDS} s …`);
        const before = sampleTicks(databaseName);
        const from = cursor.get(p.key) ?? 0;
        const m = await measure(base, nextPaths(p), c, SECONDS, headersOf(p));
        if (p.spread && from + m.requests > p.paths.length) log(`note: ${p.label} went round its ${p.paths.length} URLs: some were asked for again`);
        advance(p, m.requests);
        const cpu = cpuUse(before, sampleTicks(databaseName));
        const ceiling = results.find((r) => r.page === "ceiling" && r.connections === c && r.workers === workers && r.cache === cache);
        const of = p.key.replace("-spread", "");
        results.push({
          ...m,
          page: p.key,
          label: p.label,
          workers,
          cache,
          ratio: ceiling ? Math.round((m.requestsPerSecond / ceiling.requestsPerSecond) * 1000) / 1000 : 1,
          cpu,
          htmlKb: kb(html[of].bytes),
          sql: p.spread ? queries[of].cold : queries[of].warm,
          dataMs: dataMs[of] ?? null,
        });
      }
    await stop();
  }

  const heading = `Synthetic national dataset: ${ORGANIZATIONS} organisations; pages of ${code} (合成データ団体${String(middle).padStart(4, "0")}); ${cpus().length} CPU(s), Node ${process.version}`;
  const budgets = evaluateBudgets(results, js.kpi, queries.kpi.cold);
  const firstVisits = firstVisitComparisons(results);
  printReport(heading, results, js, inProcess.queries, budgets, firstVisits, ORGANIZATIONS === SYNTHETIC.organizations ? null : `BENCH_ORGANIZATIONS=${ORGANIZATIONS}: the budgets are defined for the national dataset of ${SYNTHETIC.organizations}`);

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGb: Math.round(totalmem() / 1e9), node: process.version },
    dataset: { synthetic: true, organizations: ORGANIZATIONS, rows: dataset },
    servers: configs.map((c) => ({ workers: c.workers, cache: c.cache, connections: c.connections, pages: c.pages.map((p) => p.key) })),
    pages: pages.map((p) => ({ ...p, htmlBytes: html[p.key].bytes, htmlGzipBytes: html[p.key].gzipBytes, sqlQueries: queries[p.key], dataFunctionQueries: inProcess.queries[p.key] ?? null, dataFunctionMs: dataMs[p.key] ?? null, firstLoadJs: js[p.key] ?? null })),
    seconds: SECONDS,
    warmUp: { requestsPerWorker: WARM_REQUESTS, maxSecondsPerPage: WARM_MAX_SECONDS, firstVisitSeconds: WARM_SPREAD_SECONDS, connections: 16, pages: warmUps },
    budgetsDefinition: BUDGETS,
    spreads: spreads.map((p) => ({ key: p.key, label: p.label, urls: p.paths.length })),
    results,
    twoWorkerSpeedup: Object.fromEntries(PER_REQUEST_PAGES.map((k) => [k, speedup(results, k)])),
    budgets,
    verdict: budgets.every((b) => b.pass) ? "PASS" : "FAIL",
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
