// Everyone lands where their work is after signing in: the committee member on the review list of 熊本県's
// current plan, a viewer (staff) on its overview, which shows staff each sheet's state in the open year while
// anonymous readers see no such column; an explicit callbackUrl still wins.
import { expect, test } from "@playwright/test";
import { noAxeViolations, signIn } from "../helpers/e2e";

test("the committee member lands on the review list, a viewer on the overview; a page asked for wins", async ({ page, browser }) => {
  test.setTimeout(120_000); // three sign-ins and two full-page axe runs on 57-row pages
  await signIn(page, "iin@demo.example");
  await expect(page).toHaveURL(/\/orgs\/430005\/plans\/[^/]+\/review$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("確認リスト");
  await noAxeViolations(page);

  const viewer = await (await browser.newContext()).newPage();
  await signIn(viewer, "viewer@demo.example");
  await expect(viewer).toHaveURL(/\/orgs\/430005\/plans\/[^/]+$/);
  await expect(viewer.getByRole("heading", { level: 2, name: /指標一覧/ })).toBeVisible();
  await expect(viewer.getByRole("columnheader", { name: /^シート（令和\d+年度）$/ })).toBeVisible(); // the plan with the latest open year
  await noAxeViolations(viewer);
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(new URL(viewer.url()).pathname);
  await expect(anonymous.getByRole("heading", { level: 2, name: /指標一覧/ })).toBeVisible();
  await expect(anonymous.getByRole("columnheader", { name: /^シート/ })).toHaveCount(0);
  await anonymous.close();
  await viewer.close();

  const asked = await (await browser.newContext()).newPage();
  await asked.goto("/signin?callbackUrl=%2Forgs%2F430005%2Fplans%2Fkumamoto-2020%2Fmeasures%2F9");
  await asked.getByLabel("メールアドレス").fill("iin@demo.example");
  await asked.getByLabel("パスワード").fill("kpi-demo-password");
  await asked.getByRole("button", { name: "サインイン" }).click();
  await expect(asked).toHaveURL(/\/measures\/9$/);
  await asked.close();
});
