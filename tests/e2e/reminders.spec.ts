// Deadline reminders as operations run them: the reminder job is run twice at the same moment by two separate
// processes (`npm run jobs:run -- reminders`, as a cron on two servers would) for an evaluation year whose deadline
// is seven days away. Exactly the officer with unsubmitted sheets gets one e-mail in this run's SMTP server — not
// the officer whose sheet is submitted — and a third run sends nothing more; the officer sees the reminder in the app.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { simpleParser } from "mailparser";
import pg from "pg";
import { hashPassword } from "../../lib/auth/passwords";
import { DEMO_PASSWORD, signIn } from "../helpers/e2e";

const DUE = "remind-due@example.lg.jp"; // 産業振興課: six KPIs of kama-2020, nothing submitted
const DONE = "remind-done@example.lg.jp"; // 住宅課: its one KPI's sheet is submitted

async function sql(query: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(query, params)).rows;
  } finally {
    await client.end();
  }
}

async function addOfficer(email: string, unitName: string) {
  const hash = await hashPassword(DEMO_PASSWORD);
  const [user] = await sql(`insert into "User" (id, email, name, "passwordHash", "updatedAt") values (gen_random_uuid()::text, $1, $2, $3, now()) returning id`, [email, `${unitName} 担当`, hash]);
  const [m] = await sql(`insert into "Membership" (id, "userId", "organizationId", role) select gen_random_uuid()::text, $1, id, 'officer' from "Organization" where code = '402273' returning id`, [user.id]);
  await sql(`insert into "MembershipUnit" ("membershipId", "unitId") select $1, u.id from "OrgUnit" u join "Organization" o on o.id = u."organizationId" where o.code = '402273' and u.name = $2`, [m.id, unitName]);
}

function runReminders(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "ops/cli/jobs-run.ts", "reminders", "--date", "2030-06-23"], {
      env: { ...process.env, SMTP_URL: process.env.E2E_SMTP_URL, MAIL_FROM: "KPI <kpi@e2e.example>" },
      stdio: "ignore",
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function mailsTo(address: string): Promise<string[]> {
  const dir = process.env.E2E_MAIL_DIR!;
  const subjects: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".eml"))) {
    const mail = await simpleParser(readFileSync(path.join(dir, f)));
    const to = Array.isArray(mail.to) ? mail.to.map((t) => t.text).join(",") : (mail.to?.text ?? "");
    if (to.includes(address)) subjects.push(mail.subject ?? "");
  }
  return subjects;
}

test("two processes running the reminder at once e-mail exactly the officer with unsubmitted sheets, once", async ({ page }) => {
  test.slow();
  // kama-2020's 令和6年度 evaluation, due 2030-06-30 (Japan): its reminders fall on 06-23 (7 days) and 06-29 (1 day)
  await sql(`insert into "EvaluationYear" (id, "planId", "fiscalYear", status, deadline, "reminderDays", "updatedAt")
    select gen_random_uuid()::text, p.id, 2024, 'open', '2030-06-30T14:59:59.999Z', '{7,1}', now() from "Plan" p where p.slug = 'kama-2020'
    on conflict ("planId", "fiscalYear") do update set status = 'open', deadline = excluded.deadline, "reminderDays" = excluded."reminderDays"`);
  await addOfficer(DUE, "産業振興課");
  await addOfficer(DONE, "住宅課");
  await sql(`insert into "SheetEntry" (id, "measureId", "evaluationYear", state, version, "effortStatus", "submittedAt", "updatedAt")
    select gen_random_uuid()::text, m.id, 2024, 'submitted', 1, '住宅の取組を進めた。', now(), now()
    from "Measure" m join "Plan" p on p.id = m."planId" join "MeasureOwner" o on o."measureId" = m.id join "OrgUnit" u on u.id = o."unitId"
    where p.slug = 'kama-2020' and u.name = '住宅課'`);

  expect(await Promise.all([runReminders(), runReminders()])).toEqual([0, 0]);
  await expect.poll(() => mailsTo(DUE), { timeout: 30_000 }).toHaveLength(1);
  expect((await mailsTo(DUE))[0]).toContain("提出期限");
  expect(await runReminders()).toBe(0);
  expect(await mailsTo(DUE)).toHaveLength(1);
  expect(await mailsTo(DONE)).toEqual([]);

  await signIn(page, DUE);
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: /お知らせ（未読 1件）/ })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("提出期限");
});
