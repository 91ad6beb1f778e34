// The benchmark's own production build: the product exactly as `npm run build` makes it, plus one route, the static
// ceiling page (/bench-static, bench/ceiling-route.ts), in a build folder of its own (.next-bench). The route file is
// copied into app/ only for the length of this `next build` and removed afterwards — on success, on a failed build
// and on Ctrl-C — so the product's build (.next, `npm start`) never contains it. `next build` also adds its build
// folder to tsconfig.json's include list: tsconfig.json is put back as it was.
//
//   npx tsx bench/build.ts     builds .next-bench (always anew) and prints where
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
/** The benchmark's build folder (NEXT_DIST_DIR for its `next build`; next.config.ts reads it). */
export const BENCH_DIST = ".next-bench";
export const CEILING_SOURCE = path.join(ROOT, "bench", "ceiling-route.ts");
const ROUTE_DIR = path.join(ROOT, "app", "bench-static");
const ROUTE_FILE = path.join(ROUTE_DIR, "route.ts");
const log = (m: string) => console.log(`[bench] ${m}`);

/** Whether `dir` holds a complete build that has the ceiling route. */
export function hasCeiling(dir: string): boolean {
  const manifest = path.join(dir, "app-path-routes-manifest.json");
  return existsSync(path.join(dir, "BUILD_ID")) && existsSync(manifest) && readFileSync(manifest, "utf8").includes('"/bench-static/route"');
}

/** A copy left behind by a run that was killed outright (SIGKILL) goes; anything else at that path is not ours. */
function removeLeftover() {
  if (!existsSync(ROUTE_DIR)) return;
  const ours = existsSync(ROUTE_FILE) && readFileSync(ROUTE_FILE, "utf8") === readFileSync(CEILING_SOURCE, "utf8");
  if (!ours) throw new Error(`${path.relative(ROOT, ROUTE_DIR)} exists and is not the benchmark's copy: remove it by hand`);
  rmSync(ROUTE_DIR, { recursive: true, force: true });
  log(`removed a copy of the ceiling route left by an earlier run`);
}

/** `next build` adds BENCH_DIST's type folders to tsconfig.json's include list (and reformats the file): the file
 *  as it was when that is all that changed, otherwise (someone edited it meanwhile) only those entries go. */
export function undoTsconfigChange(file: string, before: string) {
  const now = readFileSync(file, "utf8");
  if (now === before) return;
  let config: { include?: string[] };
  try {
    config = JSON.parse(now) as { include?: string[] };
  } catch {
    return log(`note: tsconfig.json is not plain JSON; left as it is`);
  }
  const ours = (entry: string) => entry.startsWith(`${BENCH_DIST}/`);
  if (!config.include?.some(ours)) return;
  config.include = config.include.filter((entry) => !ours(entry));
  const unchanged = (() => {
    try {
      return JSON.stringify(JSON.parse(before)) === JSON.stringify(config);
    } catch {
      return false;
    }
  })();
  writeFileSync(file, unchanged ? before : `${JSON.stringify(config, null, 2)}\n`);
}

/**
 * The benchmark's build in BENCH_DIST: reused when it is complete and has the ceiling (unless `rebuild`),
 * otherwise built anew with the ceiling route present in app/ during the build only. Returns the folder's path.
 */
export function benchBuild({ rebuild = process.env.BENCH_REBUILD === "1" } = {}): string {
  const dist = path.join(ROOT, BENCH_DIST);
  removeLeftover();
  if (!rebuild && hasCeiling(dist)) {
    log(`reusing the benchmark's build of ${statSync(path.join(dist, "BUILD_ID")).mtime.toISOString()} in ${BENCH_DIST} (BENCH_REBUILD=1 to rebuild)`);
    return dist;
  }
  const nextBin = path.join(path.dirname(createRequire(import.meta.url).resolve("next/package.json")), "dist", "bin", "next");
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const tsconfigBefore = readFileSync(tsconfig, "utf8");
  // Ctrl-C reaches `next build` (same process group) and ends it; this process must live on to remove the copy
  let interrupted: NodeJS.Signals | null = null;
  const onSignal = (s: NodeJS.Signals) => void (interrupted = s);
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const s of signals) process.on(s, onSignal);
  let status: number | null;
  try {
    mkdirSync(ROUTE_DIR, { recursive: true });
    writeFileSync(ROUTE_FILE, readFileSync(CEILING_SOURCE, "utf8"));
    log(`next build into ${BENCH_DIST} (with the ceiling route app/bench-static, for this build only) …`);
    status = spawnSync(process.execPath, [nextBin, "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST } }).status;
  } finally {
    rmSync(ROUTE_DIR, { recursive: true, force: true });
    undoTsconfigChange(tsconfig, tsconfigBefore);
    for (const s of signals) process.off(s, onSignal);
  }
  if (interrupted) process.kill(process.pid, interrupted); // now handled as usual (the caller's clean-up, or exit)
  if (status !== 0) throw new Error(`next build failed (${status})`);
  if (!hasCeiling(dist)) throw new Error(`the build in ${BENCH_DIST} has no /bench-static route`);
  return dist;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  log(`built: ${benchBuild({ rebuild: true })}`);
}
