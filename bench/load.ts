// One load measurement with autocannon (npm): N connections for a fixed time against one URL, every
// response's latency kept so that p50/p95/p99 are exact (autocannon's own summary has no p95).
import { createRequire } from "node:module";
import type { EventEmitter } from "node:events";
import { performance } from "node:perf_hooks";

type AutocannonResult = { errors: number; timeouts: number; non2xx: number };
type Autocannon = (opts: Record<string, unknown>, done: (err: Error | null, result: AutocannonResult) => void) => EventEmitter;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

// what a browser sends: the server compresses the page as it would for a visitor
const BROWSER_HEADERS = { accept: "text/html,application/xhtml+xml", "accept-encoding": "gzip, deflate, br", "accept-language": "ja" };

export type Measurement = {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  failures: number;
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Load on `base` + one path, or + a different path of `paths` for every request (round robin); `headers` are
 *  sent with every request besides a browser's (a signed-in reader's session cookie). */
export function measure(base: string, paths: string[], connections: number, seconds: number, headers: Record<string, string> = {}): Promise<Measurement> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let next = 0;
    const requests = paths.length > 1 ? [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[next++ % paths.length] }) }] : undefined;
    const instance = autocannon({ url: base + paths[0], connections, duration: seconds, headers: { ...BROWSER_HEADERS, ...headers }, timeout: 30, requests }, (err, result) => {
      if (err) return reject(err);
      const elapsed = (performance.now() - started) / 1000;
      const sorted = latencies.sort((a, b) => a - b);
      const round = (n: number) => Math.round(n * 10) / 10;
      resolve({
        connections,
        seconds: round(elapsed),
        requests: sorted.length,
        requestsPerSecond: round(sorted.length / elapsed),
        latencyMs: { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? Number.NaN) },
        failures: failures + result.errors + result.timeouts,
      });
    });
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      if (status < 200 || status >= 300) failures++;
    });
  });
}
