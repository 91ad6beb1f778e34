// Where the machine's CPU went while the benchmark measured (Linux only: /proc), so that a figure taken on a busy
// machine says so and a server that cannot use more CPU says why. Processes are told apart as:
// - bench: this process (autocannon runs in it);
// - server: its other descendants (the launcher and the `next start` worker(s)), except PostgreSQL;
// - database: PostgreSQL processes serving the benchmark's database (their title names it; an embedded PostgreSQL,
//   a descendant, entirely);
// - cache: redis-server (used by the benchmark's servers when they run with Redis);
// - other: everything else (other people's work on the machine: should be about 0).
// Ticks are USER_HZ in both files.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";

/** `busiest`: the other processes that used the most, "command cores" (to tell whose work it was). */
/** `other` includes `kernel` (interrupts and softirq: loopback networking, not charged to any process) and `steal`
 *  (time the hypervisor gave to other virtual machines), shown apart to tell them from other people's processes. */
export type CpuUse = { server: number; database: number; cache: number; bench: number; other: number; kernel: number; steal: number; busiest?: string };
type Ticks = { total: number; busy: number; kernel: number; steal: number; parts: Omit<CpuUse, "other" | "kernel" | "steal" | "busiest">; others: Map<number, { comm: string; ticks: number }> };

type Proc = { ppid: number; ticks: number; comm: string; title: string };

function processes(): Map<number, Proc> {
  const all = new Map<number, Proc>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      // the command name (field 2) may contain spaces: the fields after it start after the last ")"
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const title = readFileSync(`/proc/${name}/cmdline`, "utf8").replaceAll("\0", " ");
      all.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), comm, title });
    } catch {
      /* the process ended meanwhile */
    }
  }
  return all;
}

/** `database`: the benchmark database's name (PostgreSQL backends carry it in their process title). */
export function sampleTicks(database = ""): Ticks | null {
  if (!existsSync("/proc/stat")) return null;
  const ticks = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  const all = processes();
  const isOurs = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = all.get(p)?.ppid ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  const parts = { server: 0, database: 0, cache: 0, bench: 0 };
  const others = new Map<number, { comm: string; ticks: number }>();
  for (const [pid, p] of all) {
    if (pid === process.pid) parts.bench += p.ticks;
    else if (p.comm === "postgres" && (isOurs(pid) || (database && p.title.includes(` ${database} `)))) parts.database += p.ticks;
    else if (p.comm === "redis-server") parts.cache += p.ticks;
    else if (isOurs(pid)) parts.server += p.ticks;
    else others.set(pid, { comm: p.title.trim() || p.comm, ticks: p.ticks });
  }
  // /proc/stat: user nice system idle iowait irq softirq steal …
  return { total, busy: total - ticks[3] - ticks[4], kernel: ticks[5] + ticks[6], steal: ticks[7] ?? 0, parts, others };
}

/** CPU cores each kind of process kept busy between two samples (null off Linux). A PostgreSQL backend that
 *  ended between the samples takes its ticks away with it: the database figure is then a little low. */
export function cpuUse(before: Ticks | null, after: Ticks | null): CpuUse | null {
  if (!before || !after || after.total === before.total) return null;
  const cores = (ticks: number) => Math.max(0, Math.round((ticks / (after.total - before.total)) * cpus().length * 100) / 100);
  const part = (k: keyof Ticks["parts"]) => after.parts[k] - before.parts[k];
  const known = part("server") + part("database") + part("cache") + part("bench");
  const byCommand = new Map<string, number>();
  for (const [pid, p] of after.others) {
    const used = p.ticks - (before.others.get(pid)?.ticks ?? 0); // a process started meanwhile: all its ticks
    if (used > 0) byCommand.set(p.comm.slice(0, 60), (byCommand.get(p.comm.slice(0, 60)) ?? 0) + used);
  }
  const busiest = [...byCommand].sort((a, b) => b[1] - a[1]).slice(0, 3).filter(([, t]) => cores(t) >= 0.05).map(([c, t]) => `${c} ${cores(t)}`).join(", ");
  return { server: cores(part("server")), database: cores(part("database")), cache: cores(part("cache")), bench: cores(part("bench")), other: cores(after.busy - before.busy - known), kernel: cores(after.kernel - before.kernel), steal: cores(after.steal - before.steal), ...(busiest ? { busiest } : {}) };
}
