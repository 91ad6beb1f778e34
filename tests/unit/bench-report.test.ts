// The benchmark's budgets (bench/report.ts): throughput budgets must reach their limit, latency budgets stay within
// it, the 2-worker speed-up compares servers with the same cache, and a missing row fails rather than passes.
import { describe, expect, it } from "vitest";
import { BUDGETS, evaluateBudgets, speedup, type Cache, type Row } from "../../bench/report";

const row = (page: string, workers: number, cache: Cache, requestsPerSecond: number, p95: number, ratio: number): Row => ({
  page,
  label: page,
  workers,
  cache,
  connections: 16,
  seconds: 10,
  requests: requestsPerSecond * 10,
  requestsPerSecond,
  latencyMs: { p50: p95 / 2, p95, p99: p95, max: p95 },
  failures: 0,
  ratio,
  cpu: null,
  htmlKb: 30,
  sql: 0,
  dataMs: null,
});
const js = { gzipBytes: 140_000 } as Parameters<typeof evaluateBudgets>[1];
const byName = (budgets: ReturnType<typeof evaluateBudgets>, part: string) => budgets.filter((b) => b.name.includes(part));

describe("bench budgets", () => {
  it("judges ratios as at least, latencies as at most", () => {
    const budgets = evaluateBudgets([row("kpi", 1, "memory", 500, 100, 0.9), row("overview", 1, "memory", 100, 251, 0.59)], js, 10);
    expect(byName(budgets, "KPI page ×ceiling")[0].pass).toBe(true);
    expect(byName(budgets, "KPI page p95")[0].pass).toBe(true);
    expect(byName(budgets, "overview ×ceiling")[0].pass).toBe(false);
    expect(byName(budgets, "overview p95")[0].pass).toBe(false);
    expect(byName(budgets, "SQL statements")[0].pass).toBe(true);
    expect(byName(budgets, "first-load JS")[0]).toMatchObject({ actual: 140, limit: BUDGETS.kpiFirstLoadJsGzipKb, pass: true });
  });

  it("fails a budget whose row was not measured", () => {
    const budgets = evaluateBudgets([], js, 29);
    expect(budgets.filter((b) => !b.name.includes("first-load JS")).every((b) => !b.pass)).toBe(true);
  });

  it("compares 2 workers with 1 worker on the same cache when both were measured", () => {
    const rows = [row("kpi-officer", 1, "memory", 60, 300, 0.1), row("kpi-officer", 1, "redis", 40, 400, 0.1), row("kpi-officer", 2, "redis", 72, 200, 0.2)];
    expect(speedup(rows, "kpi-officer")).toBe(1.8);
    expect(speedup(rows.filter((r) => r.cache !== "redis" || r.workers === 2), "kpi-officer")).toBe(1.2);
    // the 2-worker budgets read the 2-worker row, not the default server's
    const budgets = evaluateBudgets(rows, js, 10);
    expect(byName(budgets, "officer's KPI page, 2 workers, p95")[0]).toMatchObject({ actual: 200, pass: false });
    expect(byName(budgets, "kpi-officer: 2 workers ≥")[0]).toMatchObject({ actual: 1.8, pass: true });
  });
});
