// Deadline reminders and the overdue summary, run by the job queue (daily, Asia/Tokyo) and by the CLI.
// Exactly once: each notification carries a dedupe key (unique in the database, inserted with ON CONFLICT DO
// NOTHING), so a second run — after a restart, repeated by hand, or at the same moment in another process —
// inserts nothing and queues no second e-mail.
import type { PrismaClient } from "../generated/prisma/client";
import { addDays } from "date-fns";
import { japaneseDate, reminderDay } from "../evaluation/deadlines";
import { loadYearDeadlines } from "../evaluation/sheet-deadlines";
import { fiscalYearLabel } from "../fiscal-year";
import { notify } from "../notifications/notify";
import { loadOfficers, planningDivision } from "../notifications/recipients";
import { yearForMail } from "../notifications/events";
import { measurePath } from "../paths";

export type JobOutcome = { notifications: number; mails: number };

const NOT_SUBMITTED = new Set(["none", "draft", "returned"]);
const STATE_LABELS: Record<string, string> = { none: "未着手", draft: "下書き", returned: "差し戻し" };
const dateLabel = (isoDate: string) => {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

type Sheet = { measureId: string; number: string; name: string; department: string; state: string; deadline: Date; ownerUnitIds: string[]; link: string };

/** Every OPEN evaluation year that has a deadline, with each KPI's sheet state and the deadline that holds for it. */
async function openYearsWithSheets(prisma: PrismaClient) {
  const years = await prisma.evaluationYear.findMany({
    where: { status: "open", deadline: { not: null } },
    select: { id: true, planId: true, fiscalYear: true, reminderDays: true, plan: { select: { slug: true, name: true, organization: { select: { id: true, code: true, name: true } } } } },
    orderBy: [{ planId: "asc" }, { fiscalYear: "asc" }],
  });
  const out = [];
  for (const y of years) {
    const deadlines = await loadYearDeadlines(prisma, y.planId, y.fiscalYear);
    const measures = await prisma.measure.findMany({
      where: { planId: y.planId, retiredAt: null },
      orderBy: { sortOrder: "asc" },
      select: {
        id: true,
        number: true,
        name: true,
        owners: { orderBy: { sortOrder: "asc" }, select: { unitId: true, unit: { select: { name: true, parent: { select: { name: true } } } } } },
        entries: { where: { evaluationYear: y.fiscalYear }, select: { state: true } },
      },
    });
    const org = y.plan.organization;
    const sheets: Sheet[] = measures.flatMap((m) => {
      const ownerUnitIds = m.owners.map((o) => o.unitId);
      const deadline = deadlines.deadlineFor(m.id, ownerUnitIds);
      if (!deadline) return [];
      const owner = m.owners[0]?.unit;
      return [{
        measureId: m.id,
        number: m.number,
        name: m.name,
        department: owner ? (owner.parent?.name ?? owner.name) : "（担当なし）",
        state: m.entries[0]?.state ?? "none",
        deadline,
        ownerUnitIds,
        link: `${measurePath(org.code, y.plan.slug, m.number)}/edit?year=${y.fiscalYear}`,
      }];
    });
    out.push({ year: y, org, sheets });
  }
  return out;
}

/** On the Japanese calendar day `deadline − n` (n in the year's reminderDays), each officer with unsubmitted sheets is told once. */
export async function runDeadlineReminders(prisma: PrismaClient, now: Date = new Date()): Promise<JobOutcome> {
  const today = japaneseDate(now);
  const total: JobOutcome = { notifications: 0, mails: 0 };
  for (const { year, org, sheets } of await openYearsWithSheets(prisma)) {
    // the year's own days (a new year gets 7 and 1; an empty list means the planning division wants no reminders)
    const days = [...new Set(year.reminderDays)].filter((n) => n >= 0);
    const due = days.flatMap((n) => sheets.filter((s) => NOT_SUBMITTED.has(s.state) && reminderDay(s.deadline, n) === today).map((s) => ({ n, sheet: s })));
    if (due.length === 0) continue;
    await prisma.$transaction(async (tx) => {
      const officers = await loadOfficers(tx, org.id);
      // one notification per officer, per n and per deadline day (an extension gives its sheets another day)
      const groups = new Map<string, { userId: string; n: number; deadline: string; sheets: Sheet[] }>();
      for (const { n, sheet } of due) {
        for (const officer of officers.officersOf(sheet)) {
          const key = `${officer.id}|${n}|${japaneseDate(sheet.deadline)}`;
          const g = groups.get(key) ?? { userId: officer.id, n, deadline: japaneseDate(sheet.deadline), sheets: [] };
          g.sheets.push(sheet);
          groups.set(key, g);
        }
      }
      for (const g of groups.values()) {
        const when = g.n === 0 ? "本日" : g.n === 1 ? "明日" : `${g.n}日後`;
        const r = await notify(tx, {
          organizationId: org.id,
          organizationName: org.name,
          kind: "deadline_reminder",
          userIds: [g.userId],
          title: `提出期限が近づいています（${fiscalYearLabel(year.fiscalYear)}・${dateLabel(g.deadline)}まで）：未提出 ${g.sheets.length}件`,
          body: [
            `${org.name}　${year.plan.name}`,
            `${yearForMail(year.fiscalYear)}の ＫＰＩ分析シートの提出期限は${when}、${dateLabel(g.deadline)}です。次のシートがまだ提出されていません。`,
            "",
            ...g.sheets.map((s) => `・No.${s.number}「${s.name}」（${STATE_LABELS[s.state] ?? s.state}）`),
            "",
            "期限までに入力して提出してください。",
          ].join("\n"),
          link: g.sheets.length === 1 ? g.sheets[0].link : "/work",
          dedupeKey: `reminder:${year.id}:${g.n}:${g.deadline}`,
        });
        total.notifications += r.notifications;
        total.mails += r.mails;
      }
    });
  }
  return total;
}

/** The day after a deadline passes: the planning division gets the list of overdue sheets by department, once a day. */
export async function runOverdueSummary(prisma: PrismaClient, now: Date = new Date()): Promise<JobOutcome> {
  const today = japaneseDate(now);
  const yesterday = japaneseDate(addDays(now, -1));
  const total: JobOutcome = { notifications: 0, mails: 0 };
  for (const { year, org, sheets } of await openYearsWithSheets(prisma)) {
    const overdue = sheets.filter((s) => NOT_SUBMITTED.has(s.state) && s.deadline.getTime() < now.getTime());
    // only on the day after some sheet's deadline passed
    if (!overdue.some((s) => japaneseDate(s.deadline) === yesterday)) continue;
    const byDepartment = new Map<string, Sheet[]>();
    for (const s of overdue) byDepartment.set(s.department, [...(byDepartment.get(s.department) ?? []), s]);
    await prisma.$transaction(async (tx) => {
      const admins = await planningDivision(tx, org.id);
      const r = await notify(tx, {
        organizationId: org.id,
        organizationName: org.name,
        kind: "deadline_overdue",
        userIds: admins.map((a) => a.id),
        title: `提出期限を過ぎた未提出のシート：${overdue.length}件（${fiscalYearLabel(year.fiscalYear)}）`,
        body: [
          `${org.name}　${year.plan.name}`,
          `${yearForMail(year.fiscalYear)}の ＫＰＩ分析シートのうち、提出期限を過ぎて未提出のものは ${overdue.length}件です（${dateLabel(today)}現在）。`,
          ...[...byDepartment].flatMap(([dept, list]) => ["", `■ ${dept}（${list.length}件）`, ...list.map((s) => `・No.${s.number}「${s.name}」（${STATE_LABELS[s.state] ?? s.state}・期限 ${dateLabel(japaneseDate(s.deadline))}）`)]),
        ].join("\n"),
        link: "/work",
        dedupeKey: `overdue:${year.id}:${today}`,
      });
      total.notifications += r.notifications;
      total.mails += r.mails;
    });
  }
  return total;
}
