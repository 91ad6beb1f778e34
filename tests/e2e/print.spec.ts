// The printed sheets (別記様式２): the browser's own print to A4, one KPI per page, checked in Chromium's PDF.
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

const KUMAMOTO = "/orgs/430005/plans/kumamoto-2020";
const MM = 96 / 25.4; // CSS px per millimetre
const PRINTABLE_HEIGHT_PX = 273 * MM; // A4 297 mm less the 12 mm @page margins
const PRINTABLE_WIDTH_PX = 186 * MM;

/** Pages of a PDF: its page objects (/Type /Page, not the /Type /Pages tree nodes). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

async function noAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** In print media, every page element fits the printable area of A4 (so none spills onto a second sheet). */
async function expectPagesFitA4(page: Page) {
  await page.emulateMedia({ media: "print" });
  const boxes = await page.locator(".print-page").evaluateAll((els) =>
    els.map((e) => ({ id: e.getAttribute("data-sheet") ?? e.getAttribute("data-front"), height: e.getBoundingClientRect().height, width: e.getBoundingClientRect().width, overflow: e.scrollWidth - e.clientWidth })),
  );
  // back to no emulation: page.pdf() prints with the emulated media, so "screen" here would print the screen
  await page.emulateMedia({ media: null });
  for (const b of boxes) {
    expect.soft(b.height, `page ${b.id} is taller than A4's printable area`).toBeLessThanOrEqual(PRINTABLE_HEIGHT_PX);
    expect.soft(b.width, `page ${b.id} is wider than A4's printable area`).toBeLessThanOrEqual(PRINTABLE_WIDTH_PX + 1);
    expect.soft(b.overflow, `page ${b.id} overflows sideways`).toBeLessThanOrEqual(1);
  }
  return boxes;
}

test("Kumamoto No 6 prints as one A4 sheet of the familiar form, chart drawn on the server", async ({ page, request }) => {
  const url = `${KUMAMOTO}/measures/6/print`;
  // the chart is in the server's HTML (no JavaScript needed to print it)
  const html = await (await request.get(url)).text();
  expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="県が育成した防災士の資格取得者数の実績値の推移/);
  expect(html).toContain("<polyline");

  await page.goto(url);
  const sheet = page.getByRole("region", { name: "ＫＰＩ分析シート No 6" });
  await expect(sheet).toContainText("＜別記様式２＞");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("ＫＰＩ分析シート");
  await expect(sheet).toContainText("知事公室");
  await expect(sheet).toContainText("危機管理防災課");
  const table = sheet.getByRole("table", { name: /戦略策定時実績値・実績値・目標値/ });
  for (const header of ["No", "指標名", "区分", "戦略策定時実績値（R1）", "R2実績値", "R5実績値", "目標値（R5）"]) {
    // the headers break lines as on the form (<br>), which the accessible name reads as spaces
    const name = new RegExp(`^${[...header].map((c) => c.replace(/[()（）]/g, "\\$&")).join("\\s*")}$`);
    await expect(table.getByRole("columnheader", { name })).toBeVisible();
  }
  await expect(table.getByRole("row", { name: /累計/ })).toContainText("1,759");
  await expect(table).toContainText("1,500");
  await expect(sheet).toContainText("実績値の推移");
  await expect(sheet.locator(".print-status")).toContainText("達成");
  await expect(sheet.locator(".print-status")).toContainText("公式評価");
  for (const title of ["取組状況", "課題等", "今後の方向性"]) await expect(sheet.getByRole("heading", { name: title, exact: true })).toBeVisible();
  await expect(sheet).toContainText("火の国ぼうさい塾");
  // a signed-out reader is told the source by its title; file names and lines are for the organisation's staff
  await expect(sheet.locator("footer")).toContainText("出典：");
  await expect(sheet.locator("footer")).not.toContainText("001_7a30b14ae71f20b7.txt");
  await expect(page.getByRole("button", { name: "印刷する" })).toBeVisible();
  await expect(page.getByRole("link", { name: /指標ページへ戻る/ })).toHaveAttribute("href", `${KUMAMOTO}/measures/6?year=2023`);
  await noAxeViolations(page);

  const boxes = await expectPagesFitA4(page);
  expect(boxes).toHaveLength(1);
  const pdf = await page.pdf({ format: "A4", path: "test-results/print-kpi-6.pdf" });
  expect(pdfPageCount(pdf)).toBe(1);
});

test("text cells print as text: 集計中 is a cell and a note under the chart, never a point at zero", async ({ page }) => {
  // No 16 (R4 and R5 集計中); No 15 is edited by the editing spec earlier in the same run
  await page.goto(`${KUMAMOTO}/measures/16/print`);
  const sheet = page.getByRole("region", { name: "ＫＰＩ分析シート No 16" });
  const cells = await sheet.getByRole("table", { name: /実績値・目標値/ }).locator("tbody td").allInnerTexts();
  expect(cells).toContain("集計中");
  expect(cells).not.toContain("0");
  const chart = sheet.getByRole("img", { name: /実績値の推移/ });
  await expect(chart).toContainText("集計中");
  // three numeric points: H30, R2, R3 (R4 and R5 are 集計中)
  await expect(chart.locator("circle:not([fill='#fff'])")).toHaveCount(3);
});

test("?year= prints the sheet as it stood that year: later actuals blank, that year's narratives", async ({ page }) => {
  await page.goto(`${KUMAMOTO}/measures/9/print?year=2020`);
  const sheet = page.getByRole("region", { name: "ＫＰＩ分析シート No 9" });
  await expect(sheet.locator(".print-status")).toContainText("令和2年度評価");
  const row = sheet.getByRole("table", { name: /実績値・目標値/ }).getByRole("row", { name: /単年/ });
  const cells = await row.locator("td").allInnerTexts();
  // No, 指標名, 戦略策定時, R2, R3, R4, R5, 目標値
  expect(cells.slice(3, 7).map((c) => c.trim())).toEqual(["5,081", "", "", ""]);
  await expect(sheet).toContainText("令和2年中の刑法犯認知件数");
});

test("the whole plan prints as a cover, the contents and one page per KPI (57)", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${KUMAMOTO}/print`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("第2期 熊本県まち・ひと・しごと創生総合戦略");
  const cover = page.getByRole("region", { name: "表紙" });
  await expect(cover).toContainText("熊本県");
  await expect(cover).toContainText("令和5年度（2023）");
  await expect(cover).toContainText("57枚");
  await expect(cover).toContainText("印刷日");
  const sheets = page.locator("[data-sheet]");
  await expect(sheets).toHaveCount(57);
  const contentsPages = await page.locator("[data-front='contents']").count();
  expect(contentsPages).toBeGreaterThanOrEqual(1);
  const total = 1 + contentsPages + 57;
  await expect(cover).toContainText(`全${total}ページ`);

  // the contents: every KPI once, in order, with the page its sheet is printed on
  const contentsRows = page.locator("[data-front='contents'] tbody tr");
  await expect(contentsRows).toHaveCount(57);
  const first = await contentsRows.first().locator("td").allInnerTexts();
  expect(first[0]).toBe("1");
  expect(first.at(-1)).toBe(String(2 + contentsPages));
  const last = await contentsRows.last().locator("td").allInnerTexts();
  expect(last[0]).toBe("追加6");
  expect(last.at(-1)).toBe(String(total));
  await expect(sheets.nth(5).locator("footer")).toContainText(`－ ${2 + contentsPages + 5} －`);

  await noAxeViolations(page);
  const boxes = await expectPagesFitA4(page);
  expect(boxes).toHaveLength(total);
  const pdf = await page.pdf({ format: "A4", path: "test-results/print-kumamoto-2020.pdf" });
  expect(pdfPageCount(pdf)).toBe(total);
});

test("a department's sheets print on their own, as the overview's department filter lists them", async ({ page }) => {
  await page.goto(KUMAMOTO);
  const select = page.getByLabel("担当部局", { exact: true });
  const id = await select.locator("option", { hasText: "土木部" }).first().getAttribute("value");
  expect(id).toBeTruthy();
  await page.goto(`${KUMAMOTO}?department=${id}`);
  const listed = await page.getByRole("table", { name: /指標一覧/ }).locator("tbody tr").count();

  await page.goto(`${KUMAMOTO}/print?department=${id}`);
  await expect(page.getByRole("region", { name: "表紙" })).toContainText("土木部");
  const sheets = page.locator("[data-sheet]");
  await expect(sheets).toHaveCount(listed);
  for (const owner of await sheets.locator(".print-sheet__owner").allInnerTexts()) expect(owner).toContain("土木部");
  await expect(page.getByRole("link", { name: "指標一覧へ戻る" })).toHaveAttribute("href", new RegExp(`department=${id}`));
  await noAxeViolations(page);
  const contentsPages = await page.locator("[data-front='contents']").count();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdfPageCount(pdf)).toBe(1 + contentsPages + listed);
});

test("the site's header and footer are not printed; the print button is not either", async ({ page }) => {
  await page.goto(`${KUMAMOTO}/measures/6/print`);
  await page.emulateMedia({ media: "print" });
  for (const selector of [".site-header", ".site-footer", ".skip-link", ".print-toolbar"]) {
    await expect(page.locator(selector)).toBeHidden();
  }
  await page.emulateMedia({ media: null });
  await expect(page.locator(".site-header")).toBeVisible();
});

test("an unknown KPI's print view is a 404", async ({ request }) => {
  expect((await request.get(`${KUMAMOTO}/measures/9999/print`)).status()).toBe(404);
  expect((await request.get("/orgs/430005/plans/no-such-plan/print")).status()).toBe(404);
});
