import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

test("the dashboard opens on the latest plan with values and lists its measures, in Japanese", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/KPI ダッシュボード/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("第2期 熊本県まち・ひと・しごと創生総合戦略");
  const table = page.getByRole("table", { name: /指標一覧/ });
  await expect(table.getByRole("rowheader")).toHaveCount(57);
  await expect(table.getByRole("rowheader", { name: "県が育成した防災士の資格取得者数" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "幹線道路の整備進捗率" })).toBeVisible();
  await page.screenshot({ path: "test-results/home.png", fullPage: false });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("every plan of every organisation can be reached from the organisation list", async ({ page }) => {
  await page.goto("/orgs");
  await expect(page.getByRole("rowheader", { name: "熊本県" })).toBeVisible();
  await page.getByRole("link", { name: "嘉麻市人口ビジョン・デジタル田園都市構想総合戦略" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("嘉麻市人口ビジョン・デジタル田園都市構想総合戦略");
  await expect(page.getByRole("table", { name: /指標一覧/ }).getByRole("rowheader")).toHaveCount(18);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
