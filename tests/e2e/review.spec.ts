// The committee's review before its meeting: the review list, a comment, the reviewed mark; the department
// sees the comment and answers; the planning division sees the review progress; the public sees nothing
// until the comment is published.
import { expect, test, type Page } from "@playwright/test";
import { noAxeViolations, signIn } from "../helpers/e2e";

test.describe.configure({ mode: "serial" });
const PLAN = "/orgs/430005/plans/kumamoto-2020";
const COMMENT = "製造品出荷額の集計時期と今後の見通しを説明してください。";



test("a committee member opens the review list, comments on a KPI and marks it reviewed", async ({ page }) => {
  test.setTimeout(60_000); // signing in now renders the review list once more (the landing), before the plan's list
  await signIn(page, "iin@demo.example");
  // signing in lands on the review list already; the header link leads to the list of plans
  await page.getByRole("navigation", { name: "利用者メニュー" }).getByRole("link", { name: "評価委員の確認" }).click();
  await page.getByRole("link", { name: /第2期 熊本県まち・ひと・しごと創生総合戦略.*確認リスト/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("確認リスト");
  const attention = page.getByRole("table", { name: /先に確認が必要な指標/ });
  await expect(attention).toBeVisible();
  // the least favourable come first: the first row of the attention table is 悪化
  await expect(attention.locator("tbody tr").first()).toContainText("悪化");
  await noAxeViolations(page);

  await page.goto(`${PLAN}/measures/16`);
  const comments = page.getByRole("region", { name: /評価委員コメント/ });
  await comments.getByLabel("コメント", { exact: true }).fill(COMMENT);
  await comments.getByRole("button", { name: "コメントを登録する" }).click();
  await expect(comments.getByText(COMMENT)).toBeVisible();
  await comments.getByRole("button", { name: "確認済みにする" }).click();
  await expect(comments.getByText(/確認済み（/)).toBeVisible();
  await noAxeViolations(page);

  await page.goto(`${PLAN}/review`);
  await expect(page.getByText(/自分が確認済みにした指標：1／57件/)).toBeVisible();
});

test("the public does not see an unpublished comment", async ({ page }) => {
  await page.goto(`${PLAN}/measures/16`);
  await expect(page.getByText(COMMENT)).toHaveCount(0);
});

test("the department's officer sees the comment and answers it", async ({ page }) => {
  await signIn(page, "shoko@demo.example");
  await page.goto(`${PLAN}/measures/16`);
  const comments = page.getByRole("region", { name: /評価委員コメント/ });
  await expect(comments.getByText(COMMENT)).toBeVisible();
  await comments.getByLabel("このコメントへの回答").fill("令和6年度中に確定値を公表予定です。");
  await comments.getByRole("button", { name: "回答する" }).click();
  await expect(comments.getByText("令和6年度中に確定値を公表予定です。")).toBeVisible();
});

test("the planning division sees the review progress and publishes the comment", async ({ page, browser }) => {
  await signIn(page, "admin@demo.example");
  await page.goto("/admin");
  const progress = page.getByRole("table", { name: /第2期 熊本県まち・ひと・しごと創生総合戦略.*評価/ });
  await expect(progress.getByRole("row", { name: /評価 委員/ })).toContainText("1／57");
  await noAxeViolations(page);

  await page.goto(`${PLAN}/measures/16`);
  const comments = page.getByRole("region", { name: /評価委員コメント/ });
  await comments.getByRole("button", { name: "公開する" }).first().click();
  await expect(comments.getByText("（公開）").first()).toBeVisible();
  const reader = await browser.newPage();
  await reader.goto(`${PLAN}/measures/16`);
  await expect(reader.getByText(COMMENT)).toBeVisible();
  await expect(reader.getByText("令和6年度中に確定値を公表予定です。")).toHaveCount(0); // the reply is still unpublished
  await reader.close();
});
