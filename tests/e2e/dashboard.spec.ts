import { expect, test } from "@playwright/test";
import { noAxeViolations } from "../helpers/e2e";

const KUMAMOTO = "/orgs/430005/plans/kumamoto-2020";
const rows = (page: import("@playwright/test").Page) => page.getByRole("table", { name: /指標一覧/ }).locator("tbody tr");


test("filter by 土木部 shows only its KPIs, and the filter lives in the URL", async ({ page }) => {
  await page.goto(KUMAMOTO);
  await page.getByLabel("担当部局", { exact: true }).selectOption({ label: "土木部" });
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/department=/);
  const count = await rows(page).count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(57);
  for (const owner of await rows(page).locator("td:nth-child(3)").allInnerTexts()) expect(owner).toContain("土木部");
  await expect(page.getByRole("rowheader", { name: "幹線道路の整備進捗率" })).toBeVisible();
  // shareable: the same URL in a new page gives the same list
  const url = page.url();
  const again = await page.context().newPage();
  await again.goto(url);
  await expect(rows(again)).toHaveCount(count);
  await page.goBack();
  await expect(rows(page)).toHaveCount(57);
});

test("search 防災 finds 防災士, in names and narratives, with full-width input too", async ({ page }) => {
  await page.goto(`${KUMAMOTO}?q=${encodeURIComponent("防災")}`);
  await expect(page.getByRole("rowheader", { name: "県が育成した防災士の資格取得者数" })).toBeVisible();
  const names = await rows(page).locator("th").allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  await page.goto(`${KUMAMOTO}?q=${encodeURIComponent("ＴＳＭＣ")}`);
  expect(await rows(page).count()).toBeGreaterThan(0);
});

test("open Kumamoto No 6: 1,759 against the target 1,500, status 達成, chart and its table", async ({ page }) => {
  await page.goto(KUMAMOTO);
  await page.getByRole("link", { name: "県が育成した防災士の資格取得者数" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("県が育成した防災士の資格取得者数");
  await expect(page.getByRole("navigation", { name: "パンくずリスト" })).toContainText("No 6");
  const status = page.getByRole("region", { name: /進捗状況/ });
  await expect(status).toContainText("達成");
  await expect(status).toContainText("1,759 ≥ 1,500");
  const table = page.getByRole("table", { name: /基準値・実績値・目標値/ });
  await expect(table).toContainText("1,759");
  await expect(table).toContainText("1,500");
  // the chart: drawn on the server (a signed-out reader's plain copy), or recharts where the page runs JavaScript
  await expect(page.locator("figure.chart-figure svg.trend-svg__wide, figure.chart-figure svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "取組状況", exact: true })).toContainText("火の国ぼうさい塾");
  await page.screenshot({ path: "test-results/kpi-6.png", fullPage: true });
  await noAxeViolations(page);
});

test("a KPI with R2 and R5 sheets switches between the years' narratives", async ({ page }) => {
  await page.goto(`${KUMAMOTO}/measures/9`);
  await page.getByRole("link", { name: /令和2年度（2020）評価/ }).click();
  await expect(page.getByText("令和2年度評価時の記載")).toBeVisible();
  await expect(page.getByRole("region", { name: "取組状況", exact: true })).toContainText("令和2年中の刑法犯認知件数");
});

test("a Kama KPI shows its printed ○/△/× next to the computed rating", async ({ page }) => {
  await page.goto("/orgs/402273/plans/kama-2020");
  await page.getByRole("link", { name: "起業支援による創業者数" }).click();
  const status = page.getByRole("region", { name: /進捗状況/ });
  await expect(status.locator(".status-badge")).toContainText("○");
  await expect(status).toContainText("公式評価：○");
  await expect(status).toContainText("算出した判定と一致");
  await page.screenshot({ path: "test-results/kama-kpi.png", fullPage: true });
  await noAxeViolations(page);
});

test("a department's page lists its KPIs across plans", async ({ page }) => {
  await page.goto(KUMAMOTO);
  await page.getByRole("link", { name: "土木部", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("土木部の指標");
  await expect(page.getByRole("link", { name: "幹線道路の整備進捗率" })).toBeVisible();
  await page.screenshot({ path: "test-results/department.png", fullPage: true });
  await noAxeViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the overview's filters and sorting work", async ({ page }) => {
    await page.goto(KUMAMOTO);
    await page.getByLabel("担当部局", { exact: true }).selectOption({ label: "土木部" });
    await page.getByRole("button", { name: "絞り込む" }).click();
    await expect(page).toHaveURL(/department=/);
    expect(await rows(page).count()).toBeLessThan(57);
    await page.getByRole("columnheader", { name: /進捗率/ }).getByRole("link").click();
    await expect(page).toHaveURL(/sort=rate/);
    await expect(page.getByRole("columnheader", { name: /進捗率/ })).toHaveAttribute("aria-sort", "ascending");
  });
});
