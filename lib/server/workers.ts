// `KPI_WORKERS=N npm start`: N `next start` processes answer on one port (node:cluster: the launcher accepts the
// connections and hands them round to the workers), so a page rendered per request can use every core.
// The launcher (the cluster's primary) prepares the database once — the embedded PostgreSQL, migrations, seed —
// and only then forks the workers, which all get the same environment:
// - the server-action encryption key (NEXT_SERVER_ACTIONS_ENCRYPTION_KEY): generated here when unset, so a form
//   rendered by one worker can be posted to another (several machines must set the same key themselves);
// - KPI_WORKER_ID (1…N): proxy.ts names the answering worker in an x-kpi-worker header;
// - the job queue runs in worker 1 only (KPI_JOBS=0 for the others): one is enough and saves connections.
// Without REDIS_URL the workers cache nothing (lib/server/cache-handler.mjs): an invalidation in one process
// could not reach the others.
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";

/** KPI_WORKERS as a whole number ≥ 1 (1 when unset); anything else is refused with a message. */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KPI_WORKERS?.trim();
  if (!raw) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`KPI_WORKERS must be a whole number from 1 to 64 (got "${raw}")`);
  return n;
}

/** The environment every worker shares: the same action key in all of them. */
export function sharedWorkerEnv(env: NodeJS.ProcessEnv, count: number): Record<string, string> {
  return {
    KPI_WORKERS: String(count),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || randomBytes(32).toString("base64"),
  };
}

export type Servers = EventEmitter & { kill(signal: NodeJS.Signals): void };

/** Forks `count` workers running `node <script> <args>` with `env`; a worker that dies unasked is replaced.
 *  Emits "exit" (code) once every worker has stopped after kill(). */
export function startWorkers(count: number, script: string, args: string[], env: NodeJS.ProcessEnv, log: (m: string) => void): Servers {
  const servers = new EventEmitter() as Servers;
  const shared = sharedWorkerEnv(env, count);
  let stopping = false;
  cluster.setupPrimary({ exec: script, args, execArgv: [] });
  const fork = (id: number): Worker => {
    const jobs = id === 1 ? {} : { KPI_JOBS: "0" };
    const worker = cluster.fork({ ...env, ...shared, ...jobs, KPI_WORKER_ID: String(id) });
    worker.on("exit", (code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) servers.emit("exit", 0);
        return;
      }
      log(`worker ${id} stopped (${signal ?? code}): starting it again`);
      setTimeout(() => {
        if (!stopping) fork(id);
      }, 1000);
    });
    return worker;
  };
  for (let id = 1; id <= count; id++) fork(id);
  log(`${count} server processes (KPI_WORKERS)${env.REDIS_URL ? ", cache in Redis" : "; without REDIS_URL nothing is cached: set it to share the cache"}`);
  servers.kill = (signal) => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) servers.emit("exit", 0);
    for (const w of workers) w?.process.kill(signal);
  };
  return servers;
}
