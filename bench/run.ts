// `npm run bench`: the national-scale benchmark. A fresh database (a throw-away embedded PostgreSQL, or a new
// database on BENCH_DATABASE_URL's / TEST_DATABASE_URL's server), migrated and filled with the SYNTHETIC
// dataset (bench/generate-national-dataset.ts); the production build (reused unless BENCH_REBUILD=1); SQL
// statements per page; `next start`; then autocannon against the overview, a department page and a KPI page
// of an organisation in the middle of the dataset, and against the static ceiling page, at 1 and 16
// connections. Prints the table and the budgets, writes bench/results/latest.json, and stops everything.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, createWriteStream } from "node:fs";
import { createRequire } from "node:module";
import { randomBytes } from "node:crypto";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { freePort, startEmbeddedPostgres } from "../lib/database/embedded";
import { applyMigrations } from "../lib/migrations/migrations";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../tests/helpers/test-database";
import { generateNationalDataset, SYNTHETIC, syntheticCode, syntheticDepartmentId } from "./generate-national-dataset";
import { firstLoadJs, scriptsInHtml, type FirstLoadJs } from "./first-load-js";
import { measure, type Measurement } from "./load";

process.chdir(path.resolve(import.meta.dirname, ".."));
const require = createRequire(import.meta.url);
const nextBin = path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");
const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? SYNTHETIC.organizations);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = [1, 16];
const BUDGETS = { kpiP95Ms: 100, overviewP95Ms: 250, kpiFirstLoadJsGzipKb: 200 };
const RESULTS = path.resolve("bench", "results");
const log = (m: string) => console.log(`[bench] ${m}`);
const kb = (bytes: number) => Math.round(bytes / 100) / 10; // kB = 1000 bytes

// everything started is stopped in reverse order, on success, on failure and on Ctrl-C
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  while (cleanups.length) await cleanups.pop()!().catch((e) => console.error(`[bench] clean-up: ${e instanceof Error ? e.message : e}`));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

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

function ensureBuild() {
  const routes = existsSync(".next/app-path-routes-manifest.json") ? readFileSync(".next/app-path-routes-manifest.json", "utf8") : "";
  if (process.env.BENCH_REBUILD !== "1" && existsSync(".next/BUILD_ID") && routes.includes("/bench-static/[size]/page")) {
    log(`reusing the production build of ${statSync(".next/BUILD_ID").mtime.toISOString()} (BENCH_REBUILD=1 to rebuild)`);
    return;
  }
  log("next build …");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error(`next build failed (${build.status})`);
}

type DataCost = { queries: Record<string, number>; dataMs: Record<string, number> };
function countQueries(args: { url: string; code: string; slug: string; no: string; unitId: string }): DataCost {
  // the lib modules import "server-only": run them under the react-server export condition, as Next does
  const child = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/count-queries.ts", JSON.stringify(args)], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`counting queries failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as DataCost;
}

async function startServer(url: string, port: number): Promise<ChildProcess> {
  mkdirSync(RESULTS, { recursive: true });
  const out = createWriteStream(path.join(RESULTS, "server.log"));
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64"), BENCH_STATIC_PAGE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.pipe(out);
  server.stderr!.pipe(out);
  cleanups.push(async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    log("next start stopped");
  });
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}): see bench/results/server.log`);
    const ok = await fetch(`http://127.0.0.1:${port}/orgs`).then((r) => r.status < 500, () => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("next start did not answer within 60 s");
}

async function fetchPage(url: string): Promise<{ html: string; bytes: number; gzipBytes: number; cache: string | null }> {
  const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return { html, bytes: Buffer.byteLength(html), gzipBytes: gzipSync(html).length, cache: res.headers.get("x-nextjs-cache") };
}

type Page = { key: string; label: string; path: string; route: string };

try {
  const started = Date.now();
  const url = await database();
  await applyMigrations(url);
  log(`generating the synthetic national dataset (${ORGANIZATIONS} organisations × ${SYNTHETIC.measuresPerPlan} KPIs × 5 years) …`);
  const dataset = await generateNationalDataset(url, () => {}, ORGANIZATIONS);
  log(`dataset: ${Object.entries(dataset).map(([k, n]) => `${k} ${n.toLocaleString("en-US")}`).join(", ")} (${Math.round((Date.now() - started) / 1000)} s)`);

  ensureBuild();
  const middle = Math.ceil(ORGANIZATIONS / 2);
  const code = syntheticCode(middle);
  const slug = SYNTHETIC.planSlug;
  const unitId = syntheticDepartmentId(middle, 0);
  const no = "25";
  const pages: Page[] = [
    { key: "ceiling", label: "static ceiling", path: "/bench-static/50", route: "/bench-static/[size]" },
    { key: "overview", label: "overview", path: `/orgs/${code}/plans/${slug}`, route: "/orgs/[code]/plans/[slug]" },
    { key: "department", label: "department", path: `/orgs/${code}/units/${unitId}`, route: "/orgs/[code]/units/[unitId]" },
    { key: "kpi", label: "KPI page", path: `/orgs/${code}/plans/${slug}/measures/${no}`, route: "/orgs/[code]/plans/[slug]/measures/[no]" },
  ];
  const js: Record<string, FirstLoadJs> = Object.fromEntries(pages.map((p) => [p.key, firstLoadJs(p.route)]));
  const { queries, dataMs } = countQueries({ url, code, slug, no, unitId });

  const port = await freePort();
  await startServer(url, port);
  const base = `http://127.0.0.1:${port}`;
  const html: Record<string, { bytes: number; gzipBytes: number }> = {};
  for (const p of pages) {
    const page = await fetchPage(base + p.path);
    html[p.key] = { bytes: page.bytes, gzipBytes: page.gzipBytes };
    const missing = scriptsInHtml(page.html).filter((s) => !js[p.key].files.some((f) => f.file === s) && !js[p.key].polyfills.includes(s));
    if (missing.length) log(`note: ${p.label} also loads ${missing.join(", ")} (not counted as first-load JS)`);
  }
  const cache = (await fetchPage(base + pages[0].path)).cache;
  if (cache !== "HIT") log(`warning: the ceiling page was not served from Next's cache (x-nextjs-cache: ${cache})`);

  log("warming up (3 s per page at 4 connections) …");
  for (const p of pages) await measure(base + p.path, 4, 3);
  const results: (Measurement & { page: string; ratio: number })[] = [];
  for (const c of CONNECTIONS)
    for (const p of pages) {
      log(`${p.label} at ${c} connection${c > 1 ? "s" : ""} for ${SECONDS} s …`);
      const m = await measure(base + p.path, c, SECONDS);
      const ceiling = results.find((r) => r.page === "ceiling" && r.connections === c);
      results.push({ ...m, page: p.key, ratio: ceiling ? Math.round((m.requestsPerSecond / ceiling.requestsPerSecond) * 1000) / 1000 : 1 });
    }

  const at16 = (key: string) => results.find((r) => r.page === key && r.connections === 16)!;
  const budgets = [
    { name: `KPI page p95 at 16 connections ≤ ${BUDGETS.kpiP95Ms} ms`, actual: at16("kpi").latencyMs.p95, limit: BUDGETS.kpiP95Ms, unit: "ms" },
    { name: `overview p95 at 16 connections ≤ ${BUDGETS.overviewP95Ms} ms`, actual: at16("overview").latencyMs.p95, limit: BUDGETS.overviewP95Ms, unit: "ms" },
    { name: `KPI page first-load JS ≤ ${BUDGETS.kpiFirstLoadJsGzipKb} kB gzip`, actual: kb(js.kpi.gzipBytes), limit: BUDGETS.kpiFirstLoadJsGzipKb, unit: "kB" },
  ].map((b) => ({ ...b, pass: b.actual <= b.limit }));

  console.log(`\nSynthetic national dataset: ${ORGANIZATIONS} organisations; pages of ${code} (合成データ団体${String(middle).padStart(4, "0")}); ${cpus().length} CPU(s), Node ${process.version}\n`);
  const row = (cells: (string | number)[]) => console.log(cells.map((c, i) => (i < 2 ? String(c).padEnd(16 - i * 10) : String(c).padStart(9))).join(" "));
  row(["page", "conns", "req/s", "p50 ms", "p95 ms", "p99 ms", "×ceiling", "failures", "HTML kB", "SQL/req", "data ms"]);
  for (const r of results) {
    const p = pages.find((x) => x.key === r.page)!;
    row([p.label, r.connections, r.requestsPerSecond, r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99, r.ratio.toFixed(2), r.failures, kb(html[r.page].bytes), queries[r.page] ?? 0, dataMs[r.page] ?? "－"]);
  }
  console.log("SQL/req: statements one request sends; data ms: the page's data functions alone, warm, one at a time (in-process)");
  console.log(`\nFirst-load JS (gzip): ${pages.map((p) => `${p.label} ${kb(js[p.key].gzipBytes)} kB`).join(", ")}`);
  console.log(`  KPI page: ${js.kpi.files.map((f) => `${f.file.replace("static/chunks/", "")} ${kb(f.gzipBytes)}`).join(", ")}`);
  console.log("\nBudgets:");
  for (const b of budgets) console.log(`  ${b.pass ? "PASS" : "FAIL"}  ${b.name}: ${b.actual} ${b.unit}${b.pass ? "" : ` (over by ${Math.round((b.actual - b.limit) * 10) / 10} ${b.unit}, ${Math.round((b.actual / b.limit - 1) * 100)} %)`}`);
  if (ORGANIZATIONS !== SYNTHETIC.organizations) console.log(`  (BENCH_ORGANIZATIONS=${ORGANIZATIONS}: the budgets are defined for the national dataset of ${SYNTHETIC.organizations})`);

  mkdirSync(RESULTS, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGb: Math.round(totalmem() / 1e9), node: process.version },
    dataset: { synthetic: true, organizations: ORGANIZATIONS, rows: dataset },
    pages: pages.map((p) => ({ ...p, htmlBytes: html[p.key].bytes, htmlGzipBytes: html[p.key].gzipBytes, sqlQueries: queries[p.key] ?? 0, dataFunctionMs: dataMs[p.key] ?? null, firstLoadJs: js[p.key] })),
    seconds: SECONDS,
    results,
    budgets,
  };
  writeFileSync(path.join(RESULTS, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  log(`results written to bench/results/latest.json (whole run ${Math.round((Date.now() - started) / 1000)} s)`);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
