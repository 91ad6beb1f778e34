// A series that counts within the plan period (its actuals a running total from the period start, its baseline the
// previous period's total): the seeded 熊本県 No 5 累計 row (件/4年) shows the box ticked and its 単年 row not; the
// 熊本県 admin adds such a series to a くまもと新時代共創総合戦略 KPI and it stays ticked after the save.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { noAxeViolations, signIn } from "../helpers/e2e";

test.describe.configure({ mode: "serial", timeout: 120_000 });

const SEEDED = "/orgs/430005/plans/kumamoto-2020/setup/measures/5"; // 土砂災害特別警戒区域からの住宅移転数
const NO = "3-4"; // 阿蘇の草原面積: seeded without series; no other spec sets it up
const EDIT = `/orgs/430005/plans/kumamoto-2024/setup/measures/${encodeURIComponent(NO)}`;
const BOX = "計画期間内の累計として数える";

async function shoot(page: Page, name: string, group: Locator) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/h3-within-period-${name}-${width}.png`, fullPage: true });
    await group.screenshot({ path: `/tmp/h3-within-period-${name}-group-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the seeded 累計 row per 4年 is marked; its 単年 row is not", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.goto(SEEDED);
  const form = page.getByRole("form", { name: "指標の設定" });
  await expect(form.getByRole("group", { name: "系列 1：単年" }).getByRole("checkbox", { name: BOX })).not.toBeChecked();
  const total = form.getByRole("group", { name: "系列 2：累計" });
  await expect(total.getByLabel("単位")).toHaveValue("件/4年");
  await expect(total.getByRole("checkbox", { name: BOX })).toBeChecked();
  await expect(total.getByRole("checkbox", { name: BOX })).toHaveAccessibleDescription(/基準値が前の期間の合計/);
  await noAxeViolations(page);
  await shoot(page, "seeded", total);
});

test("the admin adds a 累計 series counted within the period and it is saved ticked", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.goto(EDIT);
  const form = page.getByRole("form", { name: "指標の設定" });
  const series = form.getByRole("group", { name: "系列を追加（1）" });
  await series.getByLabel("区分", { exact: true }).fill("累計");
  await series.getByLabel("単位").fill("ha/4年");
  await series.getByRole("checkbox", { name: BOX }).check();
  await form.getByRole("button", { name: "設定を保存する" }).click();
  await expect(page.getByText("設定を保存しました。")).toBeVisible();

  await page.reload();
  const saved = page.getByRole("form", { name: "指標の設定" }).getByRole("group", { name: "系列 1：累計" });
  await expect(saved.getByRole("checkbox", { name: BOX })).toBeChecked();
  await noAxeViolations(page);
  await shoot(page, "saved", saved);
});
