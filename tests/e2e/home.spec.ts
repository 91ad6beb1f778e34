import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

test("the first page lists the seeded measures of every organisation, in Japanese", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/KPI ダッシュボード/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("重要業績評価指標（KPI）一覧");
  await expect(page.getByRole("heading", { level: 2, name: /熊本県/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /嘉麻市/ })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "県が育成した防災士の資格取得者数" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "幹線道路の整備進捗率" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "起業支援による創業者数" }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/home.png", fullPage: false });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
