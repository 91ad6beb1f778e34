// How much CPU something other than the benchmark used while it measured (Linux only: /proc). The benchmark's
// own processes (this one, next start, the embedded PostgreSQL: all descendants of this process) are told
// apart from the rest, so a figure taken on a busy machine says so. Ticks are USER_HZ in both files.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";

type Ticks = { total: number; busy: number; ours: number };

function processes(): Map<number, { ppid: number; ticks: number }> {
  const all = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // the command name (field 2) may contain spaces: the fields after it start after the last ")"
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      all.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      /* the process ended meanwhile */
    }
  }
  return all;
}

export function sampleTicks(): Ticks | null {
  if (!existsSync("/proc/stat")) return null;
  const ticks = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  const all = processes();
  const isOurs = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = all.get(p)?.ppid ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  let ours = 0;
  for (const [pid, p] of all) if (isOurs(pid)) ours += p.ticks;
  return { total, busy: total - ticks[3] - ticks[4], ours };
}

/** CPU cores that processes other than the benchmark's kept busy between two samples (null off Linux). */
export function otherCores(before: Ticks | null, after: Ticks | null): number | null {
  if (!before || !after || after.total === before.total) return null;
  const other = after.busy - before.busy - (after.ours - before.ours);
  return Math.max(0, Math.round((other / (after.total - before.total)) * cpus().length * 100) / 100);
}
