// The officer's sheet page as a 警察本部 officer uses it (kumamoto-2020 No 9 and 47 only): the KPI's earlier years
// and target, the published text beside each draft narrative, the deadline that holds, the live status preview
// following the value being typed, and a refused save that keeps what was typed with its message focused beside
// the button pressed. Another department's sheet is refused.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../../lib/auth/passwords";
import { DEMO_PASSWORD, noAxeViolations, signIn } from "../helpers/e2e";

// two widths of full-page screenshots and axe on long pages: more than the default 30 s on a busy machine
test.describe.configure({ timeout: 120_000 });

const OFFICER = "keisatsu-sheet@e2e.example";
const NO9 = "/orgs/430005/plans/kumamoto-2020/measures/9/edit"; // 刑法犯認知件数: 前年比減 (R4 4,944)

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const unit = await client.query(`SELECT u.id, u."organizationId" FROM "OrgUnit" u JOIN "Organization" o ON o.id = u."organizationId" WHERE o.code = '430005' AND u.path = '警察本部'`);
    await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('e2e-keisatsu', $1, '警察 一郎', $2, now()) ON CONFLICT DO NOTHING`, [OFFICER, await hashPassword(DEMO_PASSWORD)]);
    await client.query(`INSERT INTO "Membership" (id, "userId", "organizationId", role) VALUES ('e2e-keisatsu-m', 'e2e-keisatsu', $1, 'officer') ON CONFLICT DO NOTHING`, [unit.rows[0].organizationId]);
    await client.query(`INSERT INTO "MembershipUnit" ("membershipId", "unitId") VALUES ('e2e-keisatsu-m', $1) ON CONFLICT DO NOTHING`, [unit.rows[0].id]);
  } finally {
    await client.end();
  }
});

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a 警察本部 officer sees earlier years, the target, the published text and the deadline, and the status follows the typed value", async ({ page }) => {
  await signIn(page, OFFICER);
  await page.goto(NO9);
  const history = page.getByRole("table", { name: "これまでの実績値と目標値" });
  await expect(history.getByRole("columnheader", { name: /令和2年度/ })).toBeVisible();
  await expect(history.getByRole("row", { name: /単年/ })).toContainText("4,944");
  await expect(history.getByRole("row", { name: /単年/ })).toContainText("前年比減");
  await expect(page.locator("dd").filter({ hasText: "令和9年3月31日（2027年3月31日）まで" })).toContainText(/あと\d+日/);

  const published = page.getByRole("region", { name: "取組状況：公開中の内容" });
  await expect(published).toContainText("公開中の内容（令和5年度（2023））");
  await expect(published).toContainText("刑法犯認知件数は6,174件");
  await expect(page.getByLabel("取組状況（下書き）")).toBeVisible();

  const status = page.getByTestId("status-preview");
  const value = page.getByRole("group", { name: /実績値/ }).getByRole("textbox").first();
  await value.fill("7,000");
  await expect(status).toHaveText("未達成");
  await value.fill("4,000");
  await expect(status).toHaveText("達成"); // lower than R4's 4,944: the same rule the server uses, in the browser
  await noAxeViolations(page);
  await shoot(page, "sheet-page");
});

test("a refused submission keeps everything typed and focuses its message beside 提出する; another department's sheet is refused", async ({ page }) => {
  await signIn(page, OFFICER);
  await page.goto("/orgs/430005/plans/kumamoto-2020/measures/47/edit");
  const effort = page.getByLabel("取組状況（下書き）");
  await effort.fill("");
  await page.getByLabel("課題等（下書き）").fill("夜間の交通事故への対策が課題。");
  await page.getByRole("group", { name: /実績値/ }).getByRole("textbox").first().fill("集計中");
  await page.getByRole("button", { name: "提出する" }).click();
  const answer = page.locator("#sheet-status");
  await expect(answer).toContainText("提出するには取組状況を入力してください。");
  await expect(answer).toBeFocused();
  await expect(page.getByRole("button", { name: "提出する" }).locator("xpath=..")).toContainText("提出するには取組状況");
  await expect(page.getByLabel("課題等（下書き）")).toHaveValue("夜間の交通事故への対策が課題。");
  await expect(page.getByRole("group", { name: /実績値/ }).getByRole("textbox").first()).toHaveValue("集計中");
  await expect(page.locator("#effortStatus-error")).toContainText("取組状況を入力してください");
  await noAxeViolations(page);
  await page.locator("#sheet-status").scrollIntoViewIfNeeded();
  await shoot(page, "sheet-page-refused");

  await page.goto("/orgs/430005/plans/kumamoto-2020/measures/15/edit");
  await expect(page.getByRole("alert").filter({ hasText: "編集する権限がありません" })).toBeVisible();
});
