// Deadlines that hold, as 嘉麻市's planning division and one of its officers live them (kama-2025 only):
// the admin opens 令和7年度 with a deadline already past (asked to confirm first), the 産業振興課 officer's
// submission is refused with the date and whom to ask (a draft still saves), the admin extends the deadline for
// 産業振興課, and the submission goes through. An officer is refused on /admin and on another 課's sheet.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../../lib/auth/passwords";
import { DEMO_PASSWORD, noAxeViolations, signIn } from "../helpers/e2e";

// two widths of full-page screenshots and axe on long pages: more than the default 30 s on a busy machine
test.describe.configure({ mode: "serial", timeout: 120_000 });

const OFFICER = "sangyo-deadline@e2e.example";
const PLAN = "嘉麻市人口ビジョン・デジタル田園都市構想総合戦略";
const SHEET = "/orgs/402273/plans/kama-2025/measures/1-1/edit"; // 起業支援による創業者数 (産業振興課)
const OTHER = "/orgs/402273/plans/kama-2025/measures/1-4/edit";
const day = (offset: number) => new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const unit = await client.query(`SELECT u.id, u."organizationId" FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."organizationId" WHERE o.code = '402273' AND u.path = '産業振興課'`);
    await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('e2e-sangyo', $1, '産業 花子', $2, now()) ON CONFLICT DO NOTHING`, [OFFICER, await hashPassword(DEMO_PASSWORD)]);
    await client.query(`INSERT INTO "Membership" (id, "userId", "organizationId", role) VALUES ('e2e-sangyo-m', 'e2e-sangyo', $1, 'officer') ON CONFLICT DO NOTHING`, [unit.rows[0].organizationId]);
    await client.query(`INSERT INTO "MembershipUnit" ("membershipId", "unitId") VALUES ('e2e-sangyo-m', $1) ON CONFLICT DO NOTHING`, [unit.rows[0].id]);
  } finally {
    await client.end();
  }
});

/** the plan's table of evaluation years on /admin (the audit log below mentions years too) */
const years = (page: Page) => page.getByRole("table", { name: `${PLAN}の評価年度` });

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the admin opens 令和7年度 with a deadline already past, only after confirming", async ({ page }) => {
  await signIn(page, "kama-admin@demo.example");
  await page.goto("/admin");
  const form = page.getByRole("form", { name: `${PLAN}の評価年度を設定` });
  await form.getByLabel("評価年度").selectOption("2025");
  await form.getByLabel("受付").selectOption("open");
  await form.getByLabel("締切日").fill(day(-3));
  await form.getByLabel("リマインド（締切の何日前）").fill("7;1");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.locator(".field-error")).toContainText("7,1"); // reminder days are checked beside the field
  await form.getByLabel("リマインド（締切の何日前）").fill("7,1");
  await form.getByRole("button", { name: "保存" }).click();
  const confirm = form.getByRole("button", { name: "締切日が過ぎたまま受付を開始する" });
  await expect(confirm).toBeVisible();
  await expect(form.getByRole("alert")).toContainText("すでに過ぎています");
  await expect(years(page).getByRole("row", { name: /令和7年度（2025）/ })).toHaveCount(0); // nothing was opened
  await noAxeViolations(page);
  await shoot(page, "deadlines-confirm");
  await confirm.click();
  await expect(form.getByRole("status")).toContainText("令和7年度（2025）の評価を受付中にしました");
  await page.reload();
  await expect(years(page).getByRole("row", { name: /令和7年度（2025）\s*受付中/ })).toContainText("締切の7日前・1日前");
});

test("the 産業振興課 officer's submission is refused with the date; the draft still saves; /admin and another 課's sheet are refused", async ({ page }) => {
  await signIn(page, OFFICER);
  await expect(page).toHaveURL(/\/work$/);
  await page.goto("/admin");
  await expect(page.getByRole("alert").filter({ hasText: "管理者の権限がありません" })).toBeVisible();
  await page.goto(OTHER);
  await expect(page.getByRole("alert").filter({ hasText: "権限がありません" })).toBeVisible();

  await page.goto(SHEET);
  await expect(page.locator("dd").filter({ hasText: "期限超過" })).toContainText("提出できません");
  await page.getByLabel("取組状況（下書き）").fill("創業塾と相談窓口で起業を支援した。");
  await page.getByRole("button", { name: "提出する" }).click();
  const answer = page.locator("#sheet-status");
  await expect(answer).toContainText(/提出期限（令和\d+年\d+月\d+日（\d{4}年\d+月\d+日））を過ぎているため提出できません。期限の延長は企画担当/);
  await expect(answer).toBeFocused();
  await expect(page.getByLabel("取組状況（下書き）")).toHaveValue("創業塾と相談窓口で起業を支援した。");
  await noAxeViolations(page);
  await shoot(page, "deadlines-refused");
  await page.getByRole("button", { name: "下書き保存" }).click();
  await expect(page.locator("#sheet-status")).toContainText("下書きを保存しました。");
});

test("the admin extends the deadline for 産業振興課; the officer's submission then goes through", async ({ page, browser }) => {
  await signIn(page, "kama-admin@demo.example");
  await page.goto("/admin");
  const extend = page.getByRole("form", { name: `${PLAN}：部局の提出期限を延長` });
  await extend.getByLabel("評価年度").selectOption("2025");
  await extend.getByLabel("部局").selectOption({ label: "産業振興課" });
  await extend.getByLabel("延長後の期限").fill(day(10));
  await extend.getByLabel("理由").fill("補助金の実績確定待ちのため");
  await extend.getByRole("button", { name: "部局の期限を延長" }).click();
  await expect(extend.getByRole("status")).toContainText("産業振興課の提出期限を");
  await page.reload();
  const row = years(page).getByRole("row", { name: /令和7年度（2025）/ });
  await expect(row).toContainText("産業振興課：");
  await expect(row).toContainText("補助金の実績確定待ちのため");
  await noAxeViolations(page);
  await shoot(page, "deadlines-admin");
  // the staff view of the overview: 農林振興課's sheet is overdue, 産業振興課's is within its extension
  await page.goto("/orgs/402273/plans/kama-2025");
  await expect(page.getByRole("row", { name: /^1-4 / })).toContainText("期限超過");
  await expect(page.getByRole("row", { name: /^1-1 / })).not.toContainText("期限超過");
  await shoot(page, "deadlines-overview");

  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, OFFICER);
  await officer.goto(SHEET);
  await expect(officer.locator("dd").filter({ hasText: "延長後の期限" })).toContainText("あと10日");
  await officer.getByRole("button", { name: "提出する" }).click();
  // the submitted sheet is no longer editable: the page shows that it waits for the planning division
  await expect(officer.getByText(/提出しました。|提出済みです。/).first()).toBeVisible();
  await expect(officer.locator("dd").filter({ hasText: /^提出済/ })).toBeVisible();
  await officer.close();
});
