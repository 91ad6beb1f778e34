// Deadline reminders and the overdue summary: exactly the officers with unsubmitted sheets are told (not those
// whose sheets are submitted, not the disabled), exactly once — run twice in a row, run at the same moment by two
// database clients, and run by two job-queue (pg-boss) instances as two app processes would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "date-fns";
import { createPrismaClient } from "../../lib/db";
import { endOfJapaneseDay, japaneseDate } from "../../lib/evaluation/deadlines";
import { runDeadlineReminders, runOverdueSummary } from "../../lib/jobs/reminders";
import { JOBS, startJobQueue, type JobQueue } from "../../lib/jobs/queue";
import { drainOutbox } from "../../lib/mail/sender";
import { transportFromEnv } from "../../lib/mail/transport";
import { startTestSmtp, type TestSmtp } from "../helpers/smtp-server";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
let smtp: TestSmtp;
let yearId = "";
let planId = "";

const inDays = (n: number) => endOfJapaneseDay(japaneseDate(addDays(new Date(), n)));
const setDeadline = (deadline: Date, reminderDays = [7, 1]) => database.prisma.evaluationYear.update({ where: { id: yearId }, data: { deadline, reminderDays } });
const send = () => drainOutbox(database.prisma, { transport: transportFromEnv({ SMTP_URL: smtp.url }) });
const reminders = (to?: string) => database.prisma.notification.findMany({ where: { kind: "deadline_reminder", ...(to ? { userId: to } : {}) }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  smtp = await startTestSmtp();
  const p = database.prisma;
  const org = await p.organization.findUniqueOrThrow({ where: { code: "430005" } });
  const plan = await p.plan.findFirstOrThrow({ where: { slug: "kumamoto-2020", organizationId: org.id } });
  planId = plan.id;
  yearId = (await p.evaluationYear.upsert({ where: { planId_fiscalYear: { planId, fiscalYear: 2023 } }, create: { planId, fiscalYear: 2023, status: "open" }, update: { status: "open" } })).id;
  // every other open year closed, so that only this one can remind
  await p.evaluationYear.updateMany({ where: { id: { not: yearId } }, data: { status: "closed" } });
  // the round starts: nothing submitted yet, except 知事公室's only sheet (No 6) and 土木部's No 5
  await p.sheetEntry.deleteMany({ where: { evaluationYear: 2023, measure: { planId } } });
  for (const no of ["6", "5"]) {
    const m = await p.measure.findFirstOrThrow({ where: { planId, number: no } });
    await p.sheetEntry.create({ data: { measureId: m.id, evaluationYear: 2023, state: "submitted", version: 1, effortStatus: "済" } });
  }
  const unit = async (path: string) => (await p.orgUnit.findFirstOrThrow({ where: { organizationId: org.id, path } })).id;
  const make = async (id: string, role: "officer" | "admin", paths: string[], disabled = false) =>
    p.user.create({ data: { id, email: `${id}@example.jp`, name: id, disabled, memberships: { create: { organizationId: org.id, role, units: { create: await Promise.all(paths.map(async (x) => ({ unitId: await unit(x) }))) } } } } });
  await make("doboku", "officer", ["土木部"]);
  await make("chiji", "officer", ["知事公室"]);
  await make("dobokuOff", "officer", ["土木部"], true);
  await make("kikaku", "admin", []);
});

afterAll(async () => {
  await smtp?.stop();
});

describe("deadline reminders", () => {
  it("seven days before: each officer with unsubmitted sheets once, listing only their unsubmitted sheets", async () => {
    await setDeadline(inDays(7));
    const first = await runDeadlineReminders(database.prisma);
    expect(first).toEqual({ notifications: 1, mails: 1 });
    const [note] = await reminders();
    expect(note.userId).toBe("doboku");
    expect(note.body).toContain("令和5年度（2023年度）");
    for (const no of ["28", "41", "31", "4", "30"]) expect(note.body).toContain(`No.${no}「`);
    expect(note.body).not.toContain("No.5「");
    // other departments' sheets are not 土木部's business
    expect(note.body).not.toContain("No.47「");
    expect(await runDeadlineReminders(database.prisma)).toEqual({ notifications: 0, mails: 0 });
    expect(await send()).toMatchObject({ sent: 1 });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].to && !Array.isArray(smtp.messages[0].to) && smtp.messages[0].to.text).toBe("doboku@example.jp");
    expect(smtp.messages[0].subject).toContain("提出期限");
    // on a day that is not a reminder day nothing is sent, nor when the year has no reminder days
    await setDeadline(inDays(5));
    expect(await runDeadlineReminders(database.prisma)).toEqual({ notifications: 0, mails: 0 });
    await setDeadline(inDays(1), []);
    expect(await runDeadlineReminders(database.prisma)).toEqual({ notifications: 0, mails: 0 });
  });

  it("the day before, run at the same moment by two clients: still once", async () => {
    await setDeadline(inDays(1));
    const other = createPrismaClient(database.url);
    try {
      const results = await Promise.all([runDeadlineReminders(database.prisma), runDeadlineReminders(other), runDeadlineReminders(database.prisma)]);
      expect(results.reduce((s, r) => s + r.notifications, 0)).toBe(1);
      expect(results.reduce((s, r) => s + r.mails, 0)).toBe(1);
    } finally {
      await other.$disconnect();
    }
    expect((await reminders("doboku")).length).toBe(2);
    expect(await database.prisma.notification.count({ where: { userId: { in: ["chiji", "dobokuOff", "kikaku"] } } })).toBe(0);
    expect(await database.prisma.mailMessage.count({ where: { status: "queued" } })).toBe(1);
    await send();
  });

  it("run by two job-queue instances (two processes): one notification and one e-mail", async () => {
    await setDeadline(inDays(3), [3]);
    const prior = smtp.messages.length;
    const saved = process.env.SMTP_URL;
    process.env.SMTP_URL = smtp.url;
    const clients = [createPrismaClient(database.url), createPrismaClient(database.url)];
    const queues: JobQueue[] = [];
    try {
      for (const c of clients) queues.push(await startJobQueue(database.url, c, () => {}));
      const ids = await Promise.all(queues.map((q) => q.boss.send(JOBS.reminders, {})));
      for (const [i, id] of ids.entries()) {
        for (let t = 0; ; t++) {
          const job = await queues[i].boss.getJobById(JOBS.reminders, id!);
          if (job?.state === "completed") break;
          expect(job?.state).not.toBe("failed");
          if (t > 300) throw new Error("reminder job did not finish");
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await smtp.waitFor(prior + 1);
      // give a wrongly repeated send time to arrive
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      await Promise.all(queues.map((q) => q.stop()));
      await Promise.all(clients.map((c) => c.$disconnect()));
      if (saved === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = saved;
    }
    const notes = (await reminders("doboku")).filter((n) => n.dedupeKey?.startsWith(`reminder:${yearId}:3:`));
    expect(notes).toHaveLength(1);
    expect(smtp.messages.slice(prior)).toHaveLength(1);
    expect(await database.prisma.mailMessage.count({ where: { notificationId: notes[0].id, status: "sent" } })).toBe(1);
  });
});

describe("deadline extensions", () => {
  it("remind by the deadline that holds for each sheet: a department's extension moves its reminder day", async () => {
    const p = database.prisma;
    const org = await p.organization.findUniqueOrThrow({ where: { code: "430005" } });
    const police = await p.orgUnit.findFirstOrThrow({ where: { organizationId: org.id, path: "警察本部" } });
    const doboku = await p.orgUnit.findFirstOrThrow({ where: { organizationId: org.id, path: "土木部" } });
    await p.user.create({ data: { id: "keisatsu", email: "keisatsu@example.jp", name: "keisatsu", memberships: { create: { organizationId: org.id, role: "officer", units: { create: [{ unitId: police.id }] } } } } });
    // the year's deadline is in 3 days; 土木部 was given 4: with a 4-day reminder only 土木部's officer is due today
    await setDeadline(inDays(3), [4]);
    const extension = await p.deadlineExtension.create({ data: { evaluationYearId: yearId, unitId: doboku.id, deadline: inDays(4) } });
    try {
      expect(await runDeadlineReminders(p)).toEqual({ notifications: 1, mails: 1 });
      const note = (await reminders("doboku")).find((n) => n.dedupeKey?.startsWith(`reminder:${yearId}:4:`));
      expect(note?.dedupeKey).toBe(`reminder:${yearId}:4:${japaneseDate(inDays(4))}:doboku`);
      expect(await p.notification.count({ where: { userId: "keisatsu" } })).toBe(0);
    } finally {
      await p.deadlineExtension.delete({ where: { id: extension.id } });
      await p.mailMessage.updateMany({ where: { status: "queued" }, data: { status: "held" } });
    }
  });
});

describe("overdue summary", () => {
  it("the day after the deadline the planning division gets the overdue sheets by department, once", async () => {
    await setDeadline(inDays(-1));
    expect(await runOverdueSummary(database.prisma)).toEqual({ notifications: 1, mails: 1 });
    const note = await database.prisma.notification.findFirstOrThrow({ where: { kind: "deadline_overdue" } });
    expect(note.userId).toBe("kikaku");
    expect(note.body).toContain("■ 土木部");
    expect(note.body).not.toContain("No.5「");
    expect(note.body).not.toContain("■ 知事公室");
    expect(await runOverdueSummary(database.prisma)).toEqual({ notifications: 0, mails: 0 });
    // two days after: not again
    await setDeadline(inDays(-2));
    expect(await runOverdueSummary(database.prisma)).toEqual({ notifications: 0, mails: 0 });
  });
});
