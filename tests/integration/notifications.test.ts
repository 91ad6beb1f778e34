// Notifications and their e-mails, end to end against a real PostgreSQL and a real SMTP server started here:
// who is told of a submission, return or approval, e-mail per the user's choice, retries with backoff, a dead
// server, no server at all, and that nobody reads or marks another user's notifications.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/permissions";
import { runAction } from "../../lib/actions/action";
import { saveSheetEntry, approveSheetEntry, returnSheetEntry } from "../helpers/outcome";
import { addComment, setCommentPublished } from "../helpers/outcome";
import { drainOutbox } from "../../lib/mail/sender";
import { transportFromEnv } from "../../lib/mail/transport";
import { MAX_ATTEMPTS } from "../../lib/mail/backoff";
import { getOutbox, resendMail, resendSchema } from "../../lib/mail/outbox";
import { countUnread, listNotifications, markAllNotificationsRead, markNotificationRead, saveNotificationPreferences, getNotificationPreferences } from "../../lib/notifications/queries";
import { markReadSchema, preferencesSchema } from "../../lib/notifications/schemas";
import { startTestSmtp, type TestSmtp } from "../helpers/smtp-server";
import { useTestDatabase } from "../helpers/database-per-file";
import { createPrismaClient } from "../../lib/db";

const database = useTestDatabase("seeded");
const a: Record<string, Actor> = {};
const m: Record<string, string> = {};
let smtp: TestSmtp;

beforeAll(async () => {
  process.env.APP_URL = "https://kpi.example.lg.jp";
  smtp = await startTestSmtp();
  const p = database.prisma;
  const org = await p.organization.findUniqueOrThrow({ where: { code: "430005" } });
  const kama = await p.organization.findUniqueOrThrow({ where: { code: "402273" } });
  const plan = await p.plan.findFirstOrThrow({ where: { slug: "kumamoto-2020", organizationId: org.id } });
  await p.evaluationYear.upsert({ where: { planId_fiscalYear: { planId: plan.id, fiscalYear: 2023 } }, create: { planId: plan.id, fiscalYear: 2023, status: "open", deadline: new Date("2099-03-31T23:59:59+09:00") }, update: { status: "open", deadline: new Date("2099-03-31T23:59:59+09:00") } });
  const unit = async (path: string) => (await p.orgUnit.findFirstOrThrow({ where: { organizationId: org.id, path } })).id;
  const make = async (key: string, organizationId: string, role: string, unitPaths: string[] = [], disabled = false) => {
    const unitIds = await Promise.all(unitPaths.map(unit));
    await p.user.create({ data: { id: key, email: `${key}@example.jp`, name: `${key} さん`, disabled, memberships: { create: { organizationId, role: role as never, units: { create: unitIds.map((unitId) => ({ unitId })) } } } } });
    // as the app loads it: a 部 covers its 課
    const children = await p.orgUnit.findMany({ where: { parentId: { in: unitIds } }, select: { id: true } });
    a[key] = { id: key, memberships: [{ organizationId, role, unitIds: [...unitIds, ...children.map((c) => c.id)] }] };
  };
  await make("admin1", org.id, "admin");
  await make("admin2", org.id, "admin");
  await make("adminOff", org.id, "admin", [], true);
  await make("doboku", org.id, "officer", ["土木部"]);
  await make("sabo", org.id, "officer", ["土木部 / 砂防課"]);
  await make("dobokuOff", org.id, "officer", ["土木部"], true);
  await make("kenko", org.id, "officer", ["健康福祉部"]);
  await make("iin", org.id, "committee");
  await make("kamaAdmin", kama.id, "admin");
  for (const no of ["5", "30", "41"]) m[no] = (await p.measure.findFirstOrThrow({ where: { planId: plan.id, number: no } })).id;
});

afterAll(async () => {
  await smtp?.stop();
});

async function submit(measureId: string, who = a.doboku) {
  const entry = await database.prisma.sheetEntry.findUnique({ where: { measureId_evaluationYear: { measureId, evaluationYear: 2023 } } });
  const r = await saveSheetEntry(database.prisma, who, { measureId, evaluationYear: 2023, version: entry?.version ?? 0, effortStatus: "取組を進めた", issues: null, direction: null, values: {} }, "submit");
  if (!r.ok) console.error(r);
  return r;
}
const send = (now?: Date) => drainOutbox(database.prisma, { transport: transportFromEnv({ SMTP_URL: smtp.url, MAIL_FROM: "KPI <kpi@example.jp>" }), now: now && (() => now) });

describe("a sheet submitted, returned, approved", () => {
  it("tells the organisation's active admins of a submission, with one e-mail each naming the KPI", async () => {
    const p = database.prisma;
    expect((await submit(m["5"])).ok).toBe(true);
    const notes = await p.notification.findMany({ where: { kind: "sheet_submitted" }, orderBy: { userId: "asc" } });
    expect(notes.map((n) => n.userId)).toEqual(["admin1", "admin2"]);
    expect(notes[0].title).toContain("No.5");
    expect(notes[0].link).toMatch(/^\/orgs\/430005\/plans\/kumamoto-2020\/measures\/5\/approval\?year=2023$/);
    const r = await send();
    expect(r).toMatchObject({ sent: 2, failed: 0 });
    expect(smtp.messages.map((x) => (Array.isArray(x.to) ? "" : x.to?.text)).sort()).toEqual(["admin1@example.jp", "admin2@example.jp"]);
    const mail = smtp.messages[0];
    expect(mail.subject).toContain("No.5");
    expect(mail.subject).toContain("提出");
    expect(mail.text).toContain("熊本県");
    expect(mail.text).toContain("令和5年度（2023年度）");
    expect(mail.text).toContain("https://kpi.example.lg.jp/orgs/430005/plans/kumamoto-2020/measures/5/approval?year=2023");
    expect(await p.mailMessage.count({ where: { status: "sent", sentAt: { not: null } } })).toBe(2);
    // sending again sends nothing twice
    expect((await send()).sent).toBe(0);
    expect(smtp.messages).toHaveLength(2);
  });

  it("sends no e-mail to a user who turned the kind off (the notification stays in the app)", async () => {
    const off = await runAction(a.admin2, { email: { sheet_returned: "on" } }, { name: "t", schema: preferencesSchema, run: (actor, i) => saveNotificationPreferences(database.prisma, actor, i), publishes: false, message: "" });
    expect(off.status).toBe("ok");
    const prefs = await getNotificationPreferences(database.prisma, a.admin2);
    expect(prefs.find((x) => x.kind === "sheet_submitted")?.email).toBe(false);
    expect(prefs.find((x) => x.kind === "sheet_returned")?.email).toBe(true);
    expect((await submit(m["30"])).ok).toBe(true);
    const mails = await database.prisma.mailMessage.findMany({ where: { status: "queued" } });
    expect(mails.map((x) => x.to)).toEqual(["admin1@example.jp"]);
    expect(await database.prisma.notification.count({ where: { userId: "admin2", kind: "sheet_submitted" } })).toBe(2);
    await send();
  });

  it("tells the KPI's officers (a 部 covers its 課; not other departments, not the disabled) of a return with its reason, and of an approval", async () => {
    const p = database.prisma;
    const v5 = (await p.sheetEntry.findFirstOrThrow({ where: { measureId: m["5"], evaluationYear: 2023 } })).version;
    expect((await returnSheetEntry(p, a.admin1, { measureId: m["5"], evaluationYear: 2023, version: v5, reason: "実績値の出典を追記してください" })).ok).toBe(true);
    const returned = await p.notification.findMany({ where: { kind: "sheet_returned" }, orderBy: { userId: "asc" } });
    expect(returned.map((n) => n.userId)).toEqual(["doboku", "sabo"]);
    expect(returned[0].body).toContain("実績値の出典を追記してください");
    const before = smtp.messages.length;
    await send();
    const mails = smtp.messages.slice(before);
    expect(mails).toHaveLength(2);
    expect(mails[0].text).toContain("差し戻しの理由");
    expect(mails[0].text).toContain("実績値の出典を追記してください");

    const v30 = (await p.sheetEntry.findFirstOrThrow({ where: { measureId: m["30"], evaluationYear: 2023 } })).version;
    expect((await approveSheetEntry(p, a.admin1, { measureId: m["30"], evaluationYear: 2023, version: v30 })).ok).toBe(true);
    // No 30 belongs to 都市計画課: the 砂防課 officer is not told
    expect((await p.notification.findMany({ where: { kind: "sheet_approved" } })).map((n) => n.userId)).toEqual(["doboku"]);
    expect(await p.notification.count({ where: { userId: { in: ["adminOff", "dobokuOff", "kenko", "kamaAdmin"] } } })).toBe(0);
  });

  it("tells the department of a published committee comment (once) and the member of an answer", async () => {
    const p = database.prisma;
    expect((await addComment(p, a.iin, { measureId: m["41"], evaluationYear: 2023, parentId: undefined, body: "目標の根拠を示してください" })).ok).toBe(true);
    const c = await p.committeeComment.findFirstOrThrow({ where: { body: "目標の根拠を示してください" } });
    for (const published of [true, false, true]) expect((await setCommentPublished(p, a.admin1, { commentId: c.id, published })).ok).toBe(true);
    expect((await p.notification.findMany({ where: { kind: "comment_published" } })).map((n) => n.userId)).toEqual(["doboku"]);
    expect((await addComment(p, a.doboku, { measureId: m["41"], evaluationYear: 2023, parentId: c.id, body: "次回の会議で説明します" })).ok).toBe(true);
    const answered = await p.notification.findMany({ where: { kind: "comment_answered" } });
    expect(answered.map((n) => n.userId)).toEqual(["iin"]);
    expect(answered[0].body).toContain("次回の会議で説明します");
    await send();
  });
});

describe("the outbox when the mail server fails", () => {
  it("retries a refused message after the backoff and then sends it, counting the attempts", async () => {
    const p = database.prisma;
    await p.mailMessage.deleteMany();
    expect((await submit(m["41"])).ok).toBe(true);
    await p.mailMessage.deleteMany({ where: { to: { not: "admin1@example.jp" } } });
    smtp.refuse(1);
    const t0 = new Date();
    expect(await send(t0)).toMatchObject({ sent: 0, retrying: 1 });
    let row = await p.mailMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row.lastError).toContain("451");
    expect(row.lastError).not.toContain("test-password");
    expect(row.nextAttemptAt.getTime() - t0.getTime()).toBe(60_000);
    // not due yet
    expect(await send(new Date(t0.getTime() + 30_000))).toMatchObject({ sent: 0, retrying: 0 });
    expect(await send(new Date(t0.getTime() + 61_000))).toMatchObject({ sent: 1 });
    row = await p.mailMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("marks a message failed after the last attempt against an unreachable server, shows it in the outbox and resends it", async () => {
    const p = database.prisma;
    const mail = await p.mailMessage.create({ data: { organizationId: (await p.organization.findUniqueOrThrow({ where: { code: "430005" } })).id, to: "admin1@example.jp", subject: "件名", text: "本文" } });
    const dead = transportFromEnv({ SMTP_URL: `smtp://kpi:secret-pass@127.0.0.1:1` });
    let now = new Date();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await drainOutbox(p, { transport: dead, now: () => now });
      now = new Date(now.getTime() + 3 * 3600_000);
    }
    const row = await p.mailMessage.findUniqueOrThrow({ where: { id: mail.id } });
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/);
    expect(row.lastError).not.toContain("secret-pass");
    const outbox = await getOutbox(p, a.admin1, { status: "failed" });
    expect(outbox?.rows.map((r) => r.id)).toEqual([mail.id]);
    expect(await getOutbox(p, a.doboku)).toBeNull();
    expect((await getOutbox(p, a.kamaAdmin))?.rows).toEqual([]);
    // another organisation's admin cannot resend it; its own admin can (audited)
    const resend = (who: Actor) => runAction(who, { id: mail.id }, { name: "t", schema: resendSchema, run: (actor, i) => resendMail(p, actor, i), publishes: false, message: "" });
    expect((await resend(a.kamaAdmin)).status).toBe("error");
    expect((await resend(a.admin1)).status).toBe("ok");
    expect(await p.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "queued", attempts: 0 });
    expect(await p.auditLog.count({ where: { action: "mail.resend", entityId: mail.id } })).toBe(1);
    expect((await send()).sent).toBeGreaterThanOrEqual(1);
  });

  it("two senders draining at the same moment send each message once", async () => {
    const p = database.prisma;
    const other = createPrismaClient(database.url);
    try {
      await p.mailMessage.createMany({ data: Array.from({ length: 6 }, (_, i) => ({ to: `concurrent${i}@example.jp`, subject: `同時送信 ${i}`, text: "本文" })) });
      const before = smtp.messages.length;
      const transport = () => transportFromEnv({ SMTP_URL: smtp.url });
      const results = await Promise.all([drainOutbox(p, { transport: transport() }), drainOutbox(other, { transport: transport() })]);
      expect(results[0].sent + results[1].sent).toBe(6);
      const got = smtp.messages.slice(before).map((m) => m.subject).sort();
      expect(got).toEqual(Array.from({ length: 6 }, (_, i) => `同時送信 ${i}`));
    } finally {
      await other.$disconnect();
    }
  });

  it("holds every message when no SMTP server is configured", async () => {
    const p = database.prisma;
    const mail = await p.mailMessage.create({ data: { to: "x@example.jp", subject: "件名", text: "本文" } });
    expect(await drainOutbox(p, { transport: null })).toMatchObject({ held: 1 });
    expect(await p.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "held", attempts: 0 });
    // SMTP_URL unset in the environment: the same
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    await p.mailMessage.update({ where: { id: mail.id }, data: { status: "queued" } });
    expect(await drainOutbox(p)).toMatchObject({ held: 1 });
    if (saved) process.env.SMTP_URL = saved;
  });
});

describe("each user's own notifications", () => {
  it("counts, lists newest first and marks only the user's own; another organisation's user sees and marks nothing", async () => {
    const p = database.prisma;
    const unread = await countUnread(p, a.admin1);
    expect(unread).toBeGreaterThan(0);
    const page = await listNotifications(p, a.admin1, { perPage: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.items[0].createdAt.getTime()).toBeGreaterThanOrEqual(page.items[1].createdAt.getTime());
    expect(page.unread).toBe(unread);
    const target = page.items[0];
    const mark = (who: Actor, id: string) => runAction(who, { id }, { name: "t", schema: markReadSchema, run: (actor, i) => markNotificationRead(p, actor, i), publishes: false, message: "" });
    expect((await listNotifications(p, a.kamaAdmin)).items).toEqual([]);
    expect(await mark(a.kamaAdmin, target.id)).toMatchObject({ status: "error", code: "not_found" });
    expect(await mark(a.doboku, target.id)).toMatchObject({ status: "error", code: "not_found" });
    expect(await markAllNotificationsRead(p, a.kamaAdmin)).toEqual({ marked: 0 });
    expect((await p.notification.findUniqueOrThrow({ where: { id: target.id } })).readAt).toBeNull();
    expect(await mark(a.admin1, target.id)).toMatchObject({ status: "ok" });
    expect(await countUnread(p, a.admin1)).toBe(unread - 1);
    expect((await markAllNotificationsRead(p, a.admin1)).marked).toBe(unread - 1);
    expect(await countUnread(p, a.admin1)).toBe(0);
    expect(await countUnread(p, a.doboku)).toBeGreaterThan(0);
  });
});
