// The benchmark's printed report: the table, what its columns mean, first-load JS, warnings, the budgets.
import { cpus } from "node:os";
import type { FirstLoadJs } from "./first-load-js";
import type { Measurement } from "./load";
import type { CpuUse } from "./machine-load";

/** The issue's budgets (issue 16), all at 16 connections on the benchmark's machine. Ratios are to the static ceiling
 *  page measured by the same server configuration in the same run. */
export const BUDGETS = {
  kpiRatio: 0.9,
  kpiP95Ms: 100,
  overviewRatio: 0.6,
  overviewP95Ms: 250,
  officerKpiP95Ms: 150,
  officerKpiRatio: 0.25,
  filteredOverviewP95Ms: 300,
  filteredOverviewRatio: 0.25,
  twoWorkersSpeedup: 1.7,
  kpiFirstLoadJsGzipKb: 150,
  kpiColdSql: 10,
};
export const kb = (bytes: number) => Math.round(bytes / 100) / 10; // kB = 1000 bytes

/** `workers`: server processes answering (KPI_WORKERS); `ratio`: req/s ÷ the ceiling's with the same server
 *  (workers and cache) and connections. */
/** Where the server kept its cache: its memory (1 worker, the default), Redis, or nowhere (several workers
 *  without Redis: lib/server/cache-handler.mjs). */
export type Cache = "memory" | "redis" | "none";
export type Row = Measurement & { page: string; label: string; workers: number; cache: Cache; ratio: number; cpu: CpuUse | null; htmlKb: number; sql: number; dataMs: number | null };
/** `atLeast`: the figure must reach the limit (throughput); otherwise stay within it (latency, size, count). */
export type Budget = { name: string; actual: number; limit: number; unit: string; atLeast?: boolean; pass: boolean };

/** The pages rendered per request (nothing of the page as a whole can be cached for them): measured with 1 and 2
 *  workers; the others (the same public page again and again) with 1. */
export const PER_REQUEST_PAGES = ["kpi-officer", "overview-filtered", "overview-spread", "kpi-spread"];

/** A row at 16 connections: with 1 worker the default server (cache in memory), with 2 the one measured. */
const at16 = (rows: Row[], page: string, workers = 1, cache?: Cache) =>
  rows.find((r) => r.page === page && r.connections === 16 && r.workers === workers && (cache ? r.cache === cache : workers > 1 || r.cache === "memory"));
const p95At16 = (rows: Row[], page: string, workers = 1) => at16(rows, page, workers)?.latencyMs.p95 ?? Number.NaN;
const ratioAt16 = (rows: Row[], page: string, workers = 1) => at16(rows, page, workers)?.ratio ?? Number.NaN;
const judged = (budgets: Omit<Budget, "pass">[]): Budget[] =>
  budgets.map((b) => ({ ...b, pass: b.atLeast ? b.actual >= b.limit : b.actual <= b.limit }));

/** 2 workers' req/s ÷ 1 worker's, at 16 connections, with the same cache (Redis) when 1 worker was measured with
 *  it too, else against the default 1-worker server. */
export function speedup(rows: Row[], page: string): number {
  const twoRow = at16(rows, page, 2);
  const one = (at16(rows, page, 1, twoRow?.cache) ?? at16(rows, page, 1))?.requestsPerSecond;
  const two = twoRow?.requestsPerSecond;
  return one && two ? Math.round((two / one) * 100) / 100 : Number.NaN;
}

/** The issue's budgets, for the pages it names measured as it says: the public pages one URL under load (what a
 *  visitor of that page meets, served from the anonymous readers' cache once anyone has opened it), the signed-in
 *  officer's KPI page and the filtered overview with 2 workers, the scaling on every page rendered per request, and
 *  `kpiColdSql`: SQL statements of the KPI page's first request (nothing cached). */
export function evaluateBudgets(rows: Row[], kpiJs: FirstLoadJs, kpiColdSql: number): Budget[] {
  const label = (page: string) => rows.find((r) => r.page === page)?.label ?? page;
  return judged([
    { name: `KPI page ×ceiling ≥ ${BUDGETS.kpiRatio}`, actual: ratioAt16(rows, "kpi"), limit: BUDGETS.kpiRatio, unit: "×", atLeast: true },
    { name: `KPI page p95 ≤ ${BUDGETS.kpiP95Ms} ms`, actual: p95At16(rows, "kpi"), limit: BUDGETS.kpiP95Ms, unit: "ms" },
    { name: `overview ×ceiling ≥ ${BUDGETS.overviewRatio}`, actual: ratioAt16(rows, "overview"), limit: BUDGETS.overviewRatio, unit: "×", atLeast: true },
    { name: `overview p95 ≤ ${BUDGETS.overviewP95Ms} ms`, actual: p95At16(rows, "overview"), limit: BUDGETS.overviewP95Ms, unit: "ms" },
    { name: `officer's KPI page, 2 workers, p95 ≤ ${BUDGETS.officerKpiP95Ms} ms`, actual: p95At16(rows, "kpi-officer", 2), limit: BUDGETS.officerKpiP95Ms, unit: "ms" },
    { name: `officer's KPI page, 2 workers, ×ceiling ≥ ${BUDGETS.officerKpiRatio}`, actual: ratioAt16(rows, "kpi-officer", 2), limit: BUDGETS.officerKpiRatio, unit: "×", atLeast: true },
    { name: `filtered overview, 2 workers, p95 ≤ ${BUDGETS.filteredOverviewP95Ms} ms`, actual: p95At16(rows, "overview-filtered", 2), limit: BUDGETS.filteredOverviewP95Ms, unit: "ms" },
    { name: `filtered overview, 2 workers, ×ceiling ≥ ${BUDGETS.filteredOverviewRatio}`, actual: ratioAt16(rows, "overview-filtered", 2), limit: BUDGETS.filteredOverviewRatio, unit: "×", atLeast: true },
    ...PER_REQUEST_PAGES.map((page) => ({ name: `${label(page)}: 2 workers ≥ ${BUDGETS.twoWorkersSpeedup} × 1 worker's req/s`, actual: speedup(rows, page), limit: BUDGETS.twoWorkersSpeedup, unit: "×", atLeast: true })),
    { name: `KPI page first-load JS ≤ ${BUDGETS.kpiFirstLoadJsGzipKb} kB gzip`, actual: kb(kpiJs.gzipBytes), limit: BUDGETS.kpiFirstLoadJsGzipKb, unit: "kB" },
    { name: `SQL statements per uncached KPI page ≤ ${BUDGETS.kpiColdSql}`, actual: kpiColdSql, limit: BUDGETS.kpiColdSql, unit: "statements" },
  ]);
}

/** Not budgets: the same latencies when every request is some page's first visit (nothing cached), compared with
 *  the budget figures so that the distance stays visible. */
export function firstVisitComparisons(rows: Row[]): Budget[] {
  return judged([
    { name: `KPI page *, p95 at 16 connections (budget figure ${BUDGETS.kpiP95Ms} ms)`, actual: p95At16(rows, "kpi-spread"), limit: BUDGETS.kpiP95Ms, unit: "ms" },
    { name: `overview *, p95 at 16 connections (budget figure ${BUDGETS.overviewP95Ms} ms)`, actual: p95At16(rows, "overview-spread"), limit: BUDGETS.overviewP95Ms, unit: "ms" },
  ]);
}

export function printReport(heading: string, rows: Row[], js: Record<string, FirstLoadJs>, inProcessQueries: Record<string, number>, budgets: Budget[], firstVisits: Budget[], notNational: string | null) {
  console.log(`\n${heading}\n`);
  const line = (cells: (string | number)[]) => console.log(cells.map((c, i) => (i === 0 ? String(c).padEnd(20) : i < 4 ? String(c).padStart(7) : String(c).padStart(9))).join(" "));
  line(["page", "workers", "cache", "conns", "req/s", "p50 ms", "p95 ms", "p99 ms", "×ceiling", "failures", "HTML kB", "SQL/req", "data ms", "CPU srv", "CPU db", "CPU bench", "CPU other"]);
  for (const r of rows) line([r.label, r.workers, r.cache, r.connections, r.requestsPerSecond, r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99, r.ratio.toFixed(2), r.failures, r.htmlKb, r.sql, r.dataMs ?? "－", ...(r.cpu ? [r.cpu.server, Math.round((r.cpu.database + r.cpu.cache) * 100) / 100, r.cpu.bench, r.cpu.other] : ["?", "?", "?", "?"])]);
  console.log(`
rows without *: one URL again and again; a signed-out reader is served the page's cached copy (lib/anonymous-cache)
* a different organisation's page every request, no URL twice: every request a first visit, rendered, nothing cached
officer: the KPI page again and again, signed in as an officer of its department (session cookie): rendered per request
filtered: the overview again and again with ?department=… (a filter): rendered per request
workers: server processes (KPI_WORKERS, started as npm start does); cache: where they keep it (memory: the default
  of 1 worker; redis: shared, as several workers need; none: several workers without Redis cache nothing)
×ceiling: req/s as a fraction of the static ceiling page's on the same server (workers, cache), same connections
2 workers' speed-up: against 1 worker with the same cache (Redis) when measured, else against the default
SQL/req: statements the server sent for one request (same page: the second request; *: a first request)
data ms: the page's main data functions alone, in-process, warm, one call at a time (uncached)
CPU: cores used meanwhile (of the machine's ${cpus().length}) by the server's processes (srv), PostgreSQL for the benchmark's database
  and Redis (db), the benchmark itself (autocannon), and everything else (other: should be about 0)
data functions alone (in-process): ${Object.entries(inProcessQueries).map(([k, n]) => `${k} ${n} statements`).join(", ")}`);
  console.log(`\nFirst-load JS (gzip): ${Object.entries(js).map(([k, j]) => `${k} ${kb(j.gzipBytes)} kB`).join(", ")}`);
  if (js.kpi) console.log(`  KPI page: ${js.kpi.files.map((f) => `${f.file.replace("static/chunks/", "")} ${kb(f.gzipBytes)}`).join(", ")}`);
  const busiest = Math.max(...rows.map((r) => r.cpu?.other ?? 0));
  if (busiest > 0.15) {
    console.log(`\nWARNING: other processes used up to ${busiest} cores during the measurements: the figures are lower than on an idle machine`);
    for (const r of rows.filter((r) => (r.cpu?.other ?? 0) > 0.15)) console.log(`  ${r.label}, ${r.workers} worker(s), ${r.cache}, ${r.connections} conn.: other ${r.cpu!.other} cores: kernel (interrupts, softirq) ${r.cpu!.kernel}, steal ${r.cpu!.steal}, ${r.cpu!.busiest ?? "no running process stands out"}`);
  }
  console.log("\nBudgets (16 connections):");
  for (const b of budgets) {
    const missed = Math.round(Math.abs(b.actual - b.limit) * 100) / 100;
    const over = b.pass ? "" : ` (${b.atLeast ? "short" : "over"} by ${missed} ${b.unit}, ${b.actual >= b.limit ? "+" : ""}${Math.round((b.actual / b.limit - 1) * 100)} %)`;
    console.log(`  ${b.pass ? "PASS" : "FAIL"}  ${b.name}: ${b.actual} ${b.unit}${over}`);
  }
  const passed = budgets.filter((b) => b.pass).length;
  console.log(`  ${passed === budgets.length ? "PASS" : "FAIL"}: ${passed} of ${budgets.length} budgets met`);
  if (notNational) console.log(`  (${notNational})`);
  console.log("\nFirst visits (not budgeted: no cache can hold them; how far they are from the budget figures):");
  for (const b of firstVisits) console.log(`  ${b.pass ? "within" : "over  "}  ${b.name}: ${b.actual} ${b.unit}${b.pass ? "" : ` (+${Math.round((b.actual / b.limit - 1) * 100)} %)`}`);
}
