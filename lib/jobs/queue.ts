// The job queue, kept in PostgreSQL by pg-boss 10 (its own schema `pgboss` in the app's database; no other
// service to run). Three jobs: mail-send (drain the outbox: right after a change queued mail, and every minute as a
// safety net that also picks up retries), deadline-reminders and overdue-summary (hourly 08:00–18:00 in Japan: the
// first run of the day sends, later ones find everything already sent, and a server that was down at 08:00
// still sends that day). Several app processes may run the queue: pg-boss lets one process take each job, and
// the notifications' dedupe keys make reminders exactly-once whatever runs them.
import PgBoss from "pg-boss";
import type { PrismaClient } from "../generated/prisma/client";
import { poolConfigFromUrl } from "../database-url";
import { drainOutbox } from "../mail/sender";
import { runDeadlineReminders, runOverdueSummary } from "./reminders";
import { setMailWaker } from "./wake";

export const JOBS = { mail: "mail-send", reminders: "deadline-reminders", overdue: "overdue-summary" } as const;
const TZ = "Asia/Tokyo";

export type JobQueue = { boss: PgBoss; stop: () => Promise<void> };

export function createBoss(databaseUrl: string): PgBoss {
  const c = poolConfigFromUrl(databaseUrl);
  return new PgBoss({
    host: c.host,
    port: c.port,
    user: c.user,
    password: c.password as string | undefined,
    database: c.database,
    ssl: c.ssl,
    max: 3,
    application_name: "kpi-jobs",
    // finished jobs are of no interest after a week
    deleteAfterDays: 7,
  });
}

/** Starts the queue with its workers and schedules. */
export async function startJobQueue(databaseUrl: string, prisma: PrismaClient, log: (m: string) => void = console.log): Promise<JobQueue> {
  const boss = createBoss(databaseUrl);
  boss.on("error", (e) => log(`[jobs] ${e instanceof Error ? e.message : String(e)}`));
  await boss.start();
  // stately: at most one mail-send waiting and one running, however many changes ask for one
  await boss.createQueue(JOBS.mail, { name: JOBS.mail, policy: "stately", retryLimit: 0, expireInSeconds: 900 });
  await boss.createQueue(JOBS.reminders, { name: JOBS.reminders, policy: "singleton", retryLimit: 2, retryDelay: 60 });
  await boss.createQueue(JOBS.overdue, { name: JOBS.overdue, policy: "singleton", retryLimit: 2, retryDelay: 60 });
  await boss.work(JOBS.mail, { pollingIntervalSeconds: 2 }, async () => {
    const r = await drainOutbox(prisma);
    // only what needs an operator's eye (each message's state is in the outbox)
    if (r.retrying + r.failed > 0) log(`[jobs] mail: sent ${r.sent}, retrying ${r.retrying}, failed ${r.failed} (see /admin/mail)`);
  });
  await boss.work(JOBS.reminders, async () => {
    const r = await runDeadlineReminders(prisma);
    if (r.notifications) log(`[jobs] deadline reminders: ${r.notifications} notifications, ${r.mails} e-mails`);
    await requestMailSend(boss);
  });
  await boss.work(JOBS.overdue, async () => {
    const r = await runOverdueSummary(prisma);
    if (r.notifications) log(`[jobs] overdue summary: ${r.notifications} notifications, ${r.mails} e-mails`);
    await requestMailSend(boss);
  });
  await boss.schedule(JOBS.mail, "* * * * *", {}, { tz: TZ });
  await boss.schedule(JOBS.reminders, "0 8-18 * * *", {}, { tz: TZ });
  await boss.schedule(JOBS.overdue, "0 8-18 * * *", {}, { tz: TZ });
  // whatever was queued while no process was running
  await requestMailSend(boss);
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 5000 }) };
}

export async function requestMailSend(boss: PgBoss): Promise<void> {
  await boss.send(JOBS.mail, {});
}

// ── the one queue of this server process (started from instrumentation.ts) ──
const holder = globalThis as unknown as { kpiJobQueue?: Promise<JobQueue | null> };

export function startProcessJobQueue(databaseUrl: string, prisma: PrismaClient): Promise<JobQueue | null> {
  holder.kpiJobQueue ??= startJobQueue(databaseUrl, prisma, (m) => console.log(m)).then((q) => {
    setMailWaker(() => requestMailSend(q.boss));
    return q;
  }).catch((e) => {
    console.error(`[jobs] the job queue did not start: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  });
  return holder.kpiJobQueue;
}

export async function stopProcessJobQueue(): Promise<void> {
  const q = await holder.kpiJobQueue;
  holder.kpiJobQueue = undefined;
  setMailWaker(undefined);
  await q?.stop();
}
