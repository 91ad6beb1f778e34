// Starting the next period from the current one: the 熊本県 admin starts a new plan from 第2期 (kumamoto-2020) on its
// set-up page; the new plan is 準備中 (outsiders get a 404), its KPIs carry no values, and once it is 運用中 a KPI's
// public page shows the previous period's actuals with a link to the KPI it continues.
import { expect, test } from "@playwright/test";
import { noAxeViolations, signIn } from "../helpers/e2e";

test.describe.configure({ mode: "serial" });

const NEXT = "/orgs/430005/plans/kumamoto-next-e2e";

test("the admin starts the next period from 第2期; the new KPI page shows the previous period's actuals", async ({ page, browser }) => {
  await signIn(page, "admin@demo.example");
  await page.goto("/orgs/430005/plans/kumamoto-2020/setup");
  const form = page.getByRole("form", { name: "次期計画の作成" });
  await form.getByLabel("次期計画の名称").fill("（試験）第3期 総合戦略");
  await form.getByLabel("URL 名").fill("kumamoto-next-e2e");
  await form.getByLabel("開始年度").selectOption("2028");
  await form.getByLabel("終了年度").selectOption("2031");
  await form.getByRole("button", { name: "次期計画を作成" }).click();
  await expect(page).toHaveURL(new RegExp(`${NEXT}/setup\\?created=next`));
  await expect(page.getByRole("status")).toContainText("次期計画を作成しました（準備中）");
  await noAxeViolations(page);

  // while 準備中, outsiders do not find it
  const outsider = await browser.newContext();
  const reader = await outsider.newPage();
  expect((await reader.goto(`${NEXT}/measures/6`))?.status()).toBe(404);

  // the admin publishes it (運用中)
  await page.getByRole("form", { name: "状態の変更" }).getByRole("button", { name: "運用を開始する（公開）" }).click();
  await expect(page.locator(".measure-meta")).toContainText("運用中");

  // a signed-out reader opens No 6: no values of its own yet, the previous period's actuals, and the link
  const response = await reader.goto(`${NEXT}/measures/6`);
  expect(response?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toContainText("県が育成した防災士の資格取得者数");
  await expect(reader.getByText("実績値はまだありません。")).toBeVisible();
  const previous = reader.getByRole("region", { name: "前期の計画での推移" });
  await expect(previous.getByRole("link", { name: /No 6「県が育成した防災士の資格取得者数」/ })).toHaveAttribute("href", "/orgs/430005/plans/kumamoto-2020/measures/6");
  const table = previous.getByRole("table", { name: /前期の計画での実績値/ });
  await expect(table.getByRole("columnheader", { name: /令和5年度/ })).toBeVisible();
  await expect(table.getByRole("cell", { name: "1,759" })).toBeVisible();
  await noAxeViolations(reader);
  await outsider.close();
});
