// The public pages on a phone and a desktop (issue 15, item 5): charts that fit 390 px with every year on screen,
// the division filter following the department with and without JavaScript, an empty result said in words,
// Japanese not-found pages with one <title>, the favicon, one badge per status, each plan's own printed form
// name, and the accessibility policy linked from every page. Screenshots at 1280 and 390 px go to /tmp/h2-*.png.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { noAxeViolations, signIn } from "../helpers/e2e";

const KPI6 = "/orgs/430005/plans/kumamoto-2020/measures/6"; // 県が育成した防災士の資格取得者数, R1–R5 actuals
const KUMAMOTO_2020 = "/orgs/430005/plans/kumamoto-2020";
const KAMA_2025 = "/orgs/402273/plans/kama-2025";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function shoot(page: Page, name: string) {
  for (const [label, size] of [["1280", DESKTOP], ["390", PHONE]] as const) {
    await page.setViewportSize(size);
    // let the charts come into view (they load when they near the screen) before the full-page picture
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 50));
      }
      window.scrollTo(0, 0);
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/h2-${name}-${label}.png`, fullPage: true });
  }
}

/** Loads a public page twice as a signed-out reader: the second answer is the stored copy, which is plain HTML. */
async function plainCopy(request: APIRequestContext, url: string): Promise<string> {
  await request.get(url);
  const copy = await request.get(url);
  // STALE: the stored copy too, served while it is rendered again (older than 5 minutes)
  expect(["HIT", "STALE"], url).toContain(copy.headers()["x-nextjs-cache"]);
  return copy.text();
}

test("a signed-out reader's copy is plain HTML: no client runtime, the chart drawn on the server, the filter form works", async ({ request }) => {
  for (const url of ["/", KUMAMOTO_2020, KPI6, "/opendata"]) {
    const html = await plainCopy(request, url);
    // no script of Next's (the router, React, the RSC payload); only the marked few lines of the filter form
    expect(html.match(/<script\b[^>]*>/g) ?? [], url).toEqual(url === "/opendata" || url === KPI6 ? [] : ['<script data-without-runtime="">']);
    expect(html, url).not.toContain("self.__next_f.push");
    expect(html, url).not.toMatch(/\/_next\/static\/[^"]+\.js/);
    expect(html, url).toMatch(/<link rel="stylesheet" href="\/_next\/static\/[^"]+\.css"/);
  }
  const kpi = await plainCopy(request, KPI6);
  expect(kpi).toMatch(/<svg class="trend-svg__narrow"[^>]*role="img"/);
  expect(kpi).toContain("1,759"); // the last actual, on the chart and in the table
});

test("KPI No 6 on a 390 px phone (the plain copy): the chart fits the screen and its last actual year's point is on it", async ({ page, request }) => {
  await plainCopy(request, KPI6);
  await page.setViewportSize(PHONE);
  const response = await page.goto(KPI6);
  expect(["HIT", "STALE"]).toContain(response!.headers()["x-nextjs-cache"]);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("県が育成した防災士の資格取得者数");
  const figure = page.locator("figure.chart-figure");
  await figure.scrollIntoViewIfNeeded();
  const chart = figure.locator("svg.trend-svg__narrow");
  await expect(chart).toBeVisible();
  await expect(figure.locator("svg.trend-svg__wide")).toBeHidden(); // the phone's drawing, not the desktop's scaled down
  const points = chart.locator(".trend-svg__point");
  // the values table names the years with an actual; the chart's last point is the last of them (令和5年度, 2023)
  const table = page.getByRole("table", { name: /基準値・実績値・目標値/ });
  await expect(table).toContainText("2023");
  await expect(points.last()).toHaveAttribute("data-year", "2023");
  const last = await points.last().boundingBox();
  expect(last, "the last actual point is drawn").not.toBeNull();
  expect(last!.x).toBeGreaterThanOrEqual(0);
  expect(last!.x + last!.width).toBeLessThanOrEqual(PHONE.width);
  // every year of the trend keeps its label, all on screen
  const ticks = chart.locator(".trend-svg__year text");
  const labels = await ticks.allTextContents();
  for (const year of ["R1", "R2", "R3", "R4", "R5"]) expect(labels.join(" ")).toContain(year);
  for (const box of await Promise.all((await ticks.all()).map((t) => t.boundingBox()))) expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  // nothing on the page is wider than the phone (wide tables scroll inside their own box)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  // the table stays below the chart
  expect((await table.boundingBox())!.y).toBeGreaterThan(last!.y);
  await noAxeViolations(page);
  await shoot(page, "kpi6");
  // at 1280 px the wider drawing, with its value labels
  await page.setViewportSize(DESKTOP);
  await expect(figure.locator("svg.trend-svg__wide")).toBeVisible();
  await expect(chart).toBeHidden();
  await expect(figure.locator("svg.trend-svg__wide")).toContainText("1,759");
});

test("KPI No 6 on a 390 px phone for a signed-in reader: the interactive chart fits too, every year on screen", async ({ page }) => {
  await signIn(page, "viewer@demo.example");
  await page.setViewportSize(PHONE);
  await page.goto(KPI6);
  const figure = page.locator("figure.chart-figure");
  await figure.scrollIntoViewIfNeeded();
  // a page with React draws recharts as the chart nears the screen (the server's drawing is for the plain copies)
  const dots = figure.locator(".recharts-line-dots circle");
  await expect(dots.first()).toBeVisible();
  const last = await dots.last().boundingBox();
  expect(last!.x + last!.width).toBeLessThanOrEqual(PHONE.width);
  const labels = await figure.locator(".recharts-cartesian-axis-tick-label text").allTextContents();
  for (const year of ["R1", "R2", "R3", "R4", "R5"]) expect(labels.join(" ")).toContain(year);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await noAxeViolations(page);
});

test("the overview at 390 px and 1280 px: one badge per status, tables readable, nothing wider than the screen", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto(KAMA_2025);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  // 嘉麻市's △ is the label and the shape: shown once, no icon drawn beside it
  const triangle = page.locator(".status-badge", { hasText: "△" }).first();
  await expect(triangle).toHaveText("△");
  expect(await triangle.evaluate((el) => getComputedStyle(el, "::before").content)).toBe("none");
  // keyboard only: the skip link is the first stop and leads to the main text; the KPI list, wider than the
  // phone, scrolls sideways inside its own box with the arrow keys once the box has the focus
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "本文へスキップ" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  const list = page.getByRole("region", { name: "指標一覧の表" });
  expect(await list.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await list.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => list.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await page.setViewportSize(DESKTOP);
  // the 施策区分別 table's first column is wider than a character or two
  const sectionTable = page.getByRole("table", { name: "施策区分別" });
  const firstCell = sectionTable.getByRole("rowheader").first();
  expect((await firstCell.boundingBox())!.width).toBeGreaterThan(160);
  await noAxeViolations(page);
  await shoot(page, "overview");
  // 熊本県's words get their shape beside them
  await page.goto(KUMAMOTO_2020);
  const achieved = page.locator(".status-badge", { hasText: "達成" }).first();
  expect(await achieved.evaluate((el) => getComputedStyle(el, "::before").content)).not.toBe("none");
});

async function divisionOptions(page: Page) {
  return (await page.getByLabel("担当課", { exact: true }).locator("option").allTextContents()).filter((t) => t !== "すべて");
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("choosing a department and pressing 絞り込む narrows the division list to that department", async ({ page }) => {
    await page.goto(KUMAMOTO_2020);
    const all = await divisionOptions(page);
    expect(all).toContain("危機管理防災課");
    expect(all).toContain("産業支援課");
    await page.getByLabel("担当部局", { exact: true }).selectOption({ label: "知事公室" });
    await page.getByRole("button", { name: "絞り込む" }).click();
    await expect(page).toHaveURL(/department=/);
    const narrowed = await divisionOptions(page);
    expect(narrowed).toContain("危機管理防災課");
    expect(narrowed).not.toContain("産業支援課");
    expect(narrowed.length).toBeLessThan(all.length);
    // a division of another department, left in the URL, is dropped rather than matching nothing
    const bousai = await page.getByLabel("担当課", { exact: true }).locator("option", { hasText: "危機管理防災課" }).getAttribute("value");
    const shoko = await page.getByLabel("担当部局", { exact: true }).locator("option", { hasText: "商工労働部" }).getAttribute("value");
    await page.goto(`${KUMAMOTO_2020}?department=${shoko}&division=${bousai}`);
    await expect(page.getByRole("table", { name: /指標一覧/ }).getByRole("rowheader").first()).toBeVisible();
    await expect(page.getByLabel("担当課", { exact: true })).toHaveValue("");
    expect(await divisionOptions(page)).toContain("産業支援課");
  });
});

for (const reader of ["signed out (the plain copy: a few lines of script)", "signed in (React)"] as const) {
  test(`with JavaScript the division list follows the department at once: ${reader}`, async ({ page, request }) => {
    if (reader.startsWith("signed in")) await signIn(page, "viewer@demo.example");
    else await plainCopy(request, KUMAMOTO_2020);
    const response = await page.goto(KUMAMOTO_2020);
    if (reader.startsWith("signed out")) expect(["HIT", "STALE"]).toContain(response!.headers()["x-nextjs-cache"]);
    const all = await divisionOptions(page);
    await page.getByLabel("担当部局", { exact: true }).selectOption({ label: "知事公室" });
    await expect.poll(() => divisionOptions(page)).not.toContain("産業支援課");
    const narrowed = await divisionOptions(page);
    expect(narrowed).toContain("危機管理防災課");
    expect(narrowed.length).toBeLessThan(all.length);
    await page.getByLabel("担当課", { exact: true }).selectOption({ label: "危機管理防災課" });
    // すべて brings every division back; the chosen division of 知事公室 stays chosen
    await page.getByLabel("担当部局", { exact: true }).selectOption({ label: "すべて" });
    await expect.poll(() => divisionOptions(page)).toContain("産業支援課");
    await expect(page.getByLabel("担当課", { exact: true })).not.toHaveValue("");
    // another department: 危機管理防災課 is not one of its divisions, so the division goes back to すべて
    await page.getByLabel("担当部局", { exact: true }).selectOption({ label: "商工労働部" });
    await expect(page.getByLabel("担当課", { exact: true })).toHaveValue("");
    await page.getByLabel("担当部局", { exact: true }).selectOption({ label: "知事公室" });
    await page.getByLabel("担当課", { exact: true }).selectOption({ label: "危機管理防災課" });
    await page.getByRole("button", { name: "絞り込む" }).click();
    await expect(page.getByRole("table", { name: /指標一覧/ }).getByRole("rowheader", { name: "県が育成した防災士の資格取得者数" })).toBeVisible();
    await expect(page.getByLabel("担当課", { exact: true })).toHaveValue(/.+/);
  });
}

test("an empty filter result says so, with no chart of empty axes", async ({ page }) => {
  await page.goto(`${KUMAMOTO_2020}?q=${encodeURIComponent("該当しない語ゾゾゾ")}`);
  await expect(page.getByText("条件に合う指標はありません。")).toBeVisible();
  await expect(page.getByText("集計するものはありません")).toBeVisible();
  await expect(page.locator("figure.chart-figure")).toHaveCount(0);
  await expect(page.locator(".recharts-surface")).toHaveCount(0);
  await expect(page.getByRole("table", { name: /指標一覧/ })).toHaveCount(0);
  await noAxeViolations(page);
});

test("not-found pages are Japanese, in the site's layout, with one title", async ({ page, request }) => {
  for (const url of ["/no-such-page", `${KUMAMOTO_2020}/measures/9999`]) {
    const res = await page.goto(url);
    expect(res!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.locator("title")).toHaveCount(1);
    await expect(page).toHaveTitle("ページが見つかりません | 総合戦略 KPI ダッシュボード");
    await expect(page.getByRole("link", { name: "アクセシビリティ方針" })).toBeVisible();
    const html = await (await request.get(url)).text();
    expect(html.match(/<title[\s>]/g)?.length).toBe(1);
    expect(html).not.toContain("This page could not be found");
    // the page itself is in the HTML (readable without JavaScript), not only in the script that fills an empty shell
    expect(html).toContain('<html lang="ja"');
    expect(html).toMatch(/<h1[^>]*>ページが見つかりません<\/h1>/);
  }
  await page.goto("/no-such-page");
  await noAxeViolations(page);
  await shoot(page, "not-found");
});

test("the favicon answers, and every page links it", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toContain("image/");
  expect((await ico.body()).subarray(0, 4).toString("hex")).toBe("00000100"); // an .ico file's header
  expect((await request.get("/icon.svg")).status()).toBe(200);
  await page.goto("/");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /favicon\.ico/);
});

test("the accessibility policy is linked from the footer and states the target, scope and testing", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "アクセシビリティ方針" }).click();
  await expect(page).toHaveURL(/\/accessibility$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("アクセシビリティ方針");
  await expect(page.getByRole("main")).toContainText("JIS X 8341-3:2016");
  await expect(page.getByRole("main")).toContainText("適合レベル AA");
  for (const h of ["対象範囲", "確認の方法"]) await expect(page.getByRole("heading", { level: 2, name: h })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("axe-core");
  await expect(page.getByRole("main")).toContainText("390 ピクセル");
  await noAxeViolations(page);
  await shoot(page, "accessibility");
});

test("each plan prints its own form name: none for 嘉麻市 until its administrator sets one", async ({ page }) => {
  const sheet = `${KAMA_2025}/measures/1-1/print`;
  await page.goto(sheet);
  await expect(page.locator(".print-sheet")).toBeVisible();
  await expect(page.locator(".print-sheet")).not.toContainText("別記様式");
  await signIn(page, "kama-admin@demo.example");
  await page.goto(`${KAMA_2025}/setup`);
  const form = page.getByRole("form", { name: "計画の設定" });
  await form.getByLabel("印刷する様式名").fill("＜様式第１号＞");
  await form.getByRole("button", { name: "設定を保存" }).click();
  await expect(page.getByText("計画の設定を保存しました。")).toBeVisible();
  await page.goto(sheet);
  await expect(page.locator(".print-sheet__form")).toHaveText("＜様式第１号＞");
  // 熊本県's sheets are not changed by 嘉麻市's setting
  await page.goto(`${KUMAMOTO_2020}/measures/6/print`);
  await expect(page.locator(".print-sheet")).not.toContainText("＜様式第１号＞");
  // cleared again: no form name is printed
  await page.goto(`${KAMA_2025}/setup`);
  await form.getByLabel("印刷する様式名").fill("");
  await form.getByRole("button", { name: "設定を保存" }).click();
  await expect(page.getByText("計画の設定を保存しました。")).toBeVisible();
  await page.goto(sheet);
  await expect(page.locator(".print-sheet")).not.toContainText("＜様式第１号＞");
});
