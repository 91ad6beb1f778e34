// The benchmark's printed report: the table, what its columns mean, first-load JS, warnings, the budgets.
import type { FirstLoadJs } from "./first-load-js";
import type { Measurement } from "./load";

export const BUDGETS = { kpiP95Ms: 100, overviewP95Ms: 250, kpiFirstLoadJsGzipKb: 200 };
export const kb = (bytes: number) => Math.round(bytes / 100) / 10; // kB = 1000 bytes

export type Row = Measurement & { page: string; label: string; ratio: number; otherCores: number | null; htmlKb: number; sql: number; dataMs: number | null };
export type Budget = { name: string; actual: number; limit: number; unit: string; pass: boolean };

const p95At16 = (rows: Row[], page: string) => rows.find((r) => r.page === page && r.connections === 16)?.latencyMs.p95 ?? Number.NaN;
const judged = (budgets: Omit<Budget, "pass">[]): Budget[] => budgets.map((b) => ({ ...b, pass: b.actual <= b.limit }));

/** The issue's budgets, for the pages it names measured as it says (one URL under load: what a visitor of that
 *  page meets, served from the anonymous readers' cache once anyone has opened it). */
export function evaluateBudgets(rows: Row[], kpiJs: FirstLoadJs): Budget[] {
  return judged([
    { name: `KPI page p95 at 16 connections ≤ ${BUDGETS.kpiP95Ms} ms`, actual: p95At16(rows, "kpi"), limit: BUDGETS.kpiP95Ms, unit: "ms" },
    { name: `overview p95 at 16 connections ≤ ${BUDGETS.overviewP95Ms} ms`, actual: p95At16(rows, "overview"), limit: BUDGETS.overviewP95Ms, unit: "ms" },
    { name: `KPI page first-load JS ≤ ${BUDGETS.kpiFirstLoadJsGzipKb} kB gzip`, actual: kb(kpiJs.gzipBytes), limit: BUDGETS.kpiFirstLoadJsGzipKb, unit: "kB" },
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
  const line = (cells: (string | number)[]) => console.log(cells.map((c, i) => (i < 2 ? String(c).padEnd(16 - i * 10) : String(c).padStart(9))).join(" "));
  line(["page", "conns", "req/s", "p50 ms", "p95 ms", "p99 ms", "×ceiling", "failures", "HTML kB", "SQL/req", "data ms", "other CPU"]);
  for (const r of rows) line([r.label, r.connections, r.requestsPerSecond, r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99, r.ratio.toFixed(2), r.failures, r.htmlKb, r.sql, r.dataMs ?? "－", r.otherCores ?? "?"]);
  console.log(`
rows without *: one URL again and again; a signed-out reader is served the page's cached copy (lib/anonymous-cache)
* a different organisation's page every request, no URL twice: every request a first visit, rendered, nothing cached
×ceiling: req/s as a fraction of the static ceiling page's at the same number of connections
SQL/req: statements the server sent for one request (same page: the cached second request; *: a first request)
data ms: the page's main data functions alone, in-process, warm, one call at a time (uncached)
other CPU: cores used meanwhile by processes other than the benchmark's (should be about 0)
data functions alone (in-process): ${Object.entries(inProcessQueries).map(([k, n]) => `${k} ${n} statements`).join(", ")}`);
  console.log(`\nFirst-load JS (gzip): ${Object.entries(js).map(([k, j]) => `${k} ${kb(j.gzipBytes)} kB`).join(", ")}`);
  if (js.kpi) console.log(`  KPI page: ${js.kpi.files.map((f) => `${f.file.replace("static/chunks/", "")} ${kb(f.gzipBytes)}`).join(", ")}`);
  const busiest = Math.max(...rows.map((r) => r.otherCores ?? 0));
  if (busiest > 0.15) console.log(`\nWARNING: other processes used up to ${busiest} cores during the measurements: the figures are lower than on an idle machine`);
  console.log("\nBudgets:");
  for (const b of budgets) {
    const over = b.pass ? "" : ` (over by ${Math.round((b.actual - b.limit) * 10) / 10} ${b.unit}, +${Math.round((b.actual / b.limit - 1) * 100)} %)`;
    console.log(`  ${b.pass ? "PASS" : "FAIL"}  ${b.name}: ${b.actual} ${b.unit}${over}`);
  }
  if (notNational) console.log(`  (${notNational})`);
  console.log("\nFirst visits (not budgeted: no cache can hold them; how far they are from the budget figures):");
  for (const b of firstVisits) console.log(`  ${b.pass ? "within" : "over  "}  ${b.name}: ${b.actual} ${b.unit}${b.pass ? "" : ` (+${Math.round((b.actual / b.limit - 1) * 100)} %)`}`);
}
