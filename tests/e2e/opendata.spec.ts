// The open-data page as a reader uses it: every plan's downloads are listed, a download is a real CSV
// (UTF-8 with BOM, CRLF, the documented header) with its licence, the JSON API answers, and axe is clean.
import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

const PLAN = "第2期 熊本県まち・ひと・しごと創生総合戦略";
/** a download link of that plan: visible text, then the plan's name for screen readers */
const planLink = (label: string) => new RegExp(`^${label}\\s*：${PLAN}$`);

test("the open-data page lists every plan's downloads and the licence, links the column definitions, and passes axe", async ({ page }) => {
  test.setTimeout(120_000); // the page also lists each rule's check; axe reads it all
  await page.goto("/opendata");
  await expect(page).toHaveTitle(/オープンデータ/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("オープンデータ");
  const downloads = page.getByRole("table", { name: "団体・計画ごとのダウンロード" });
  for (const name of [PLAN, "くまもと新時代共創総合戦略", "嘉麻市人口ビジョン・デジタル田園都市構想総合戦略"]) {
    await expect(downloads.getByRole("rowheader", { name: new RegExp(name) })).toBeVisible();
  }
  await expect(downloads.getByRole("link", { name: /^値 CSV/ })).toHaveCount(4);
  await expect(downloads.getByRole("link", { name: /^記述 CSV/ })).toHaveCount(4);
  await expect(downloads.getByRole("link", { name: /^判定 CSV/ })).toHaveCount(4);
  await expect(downloads.getByRole("link", { name: /^JSON/ })).toHaveCount(4);
  await expect(downloads.getByRole("link", { name: /^Excel/ })).toHaveCount(4);
  await expect(downloads.getByRole("link", { name: "公共データ利用規約 第1.0版 (PDL1.0)" }).first()).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByText("UTF-8（BOM 付き")).toBeVisible();
  await page.screenshot({ path: "test-results/opendata.png", fullPage: true });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("the column definitions page lists each CSV's columns, the missing-value codes and the status labels, and passes axe", async ({ page }) => {
  await page.goto("/opendata");
  await page.getByRole("link", { name: "判定 CSV（statuses.csv）の列" }).click();
  await expect(page).toHaveURL(/\/opendata\/columns#statuses-columns$/);
  await expect(page).toHaveTitle(/オープンデータの列の定義/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("オープンデータの列の定義");
  await expect(page.getByRole("table", { name: "値 CSV の列" }).getByRole("rowheader", { name: "organizationCode" })).toBeVisible();
  await expect(page.getByRole("table", { name: "記述 CSV の列" }).getByRole("rowheader", { name: "itemNumber" })).toBeVisible();
  const statusColumns = page.getByRole("table", { name: "判定 CSV の列" });
  await expect(statusColumns.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "projectionValue", exact: true }) })).toContainText("実績ではない");
  await expect(page.getByRole("table", { name: "valueStatus のコード" }).getByRole("rowheader", { name: "pending" })).toBeVisible();
  await expect(page.getByRole("table", { name: /^判定方法ごとの判定の表記/ }).getByRole("row", { name: /^grades/ })).toContainText("S（s）・A（a）・B（b）・C（c）");
  // the columns of the file a reader downloads, in the file's order
  const csv = await (await page.request.get("/api/v1/organizations/430005/plans/kumamoto-2020/narratives.csv")).text();
  const header = csv.replace(/^\uFEFF/, "").split("\r\n")[0].split(",");
  await expect(page.getByRole("table", { name: "記述 CSV の列" }).locator("tbody th")).toHaveText(header);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator("#statuses-columns").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/h7-opendata-statuses-${width}.png` });
  }
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("the search narrows the list to one organisation", async ({ page }) => {
  await page.goto("/opendata");
  await page.getByRole("searchbox", { name: "団体名または団体コード" }).fill("402273");
  await page.getByRole("button", { name: "検索" }).click();
  const downloads = page.getByRole("table", { name: "団体・計画ごとのダウンロード" });
  await expect(downloads.getByRole("link", { name: /^値 CSV/ })).toHaveCount(2);
  await expect(downloads.getByRole("rowheader", { name: PLAN })).toHaveCount(0);
});

test("a values CSV link returns UTF-8 CSV with BOM, CRLF, the header and the licence", async ({ page }) => {
  await page.goto("/opendata");
  const href = await page.getByRole("link", { name: planLink("値 CSV") }).getAttribute("href");
  expect(href).toBe("/api/v1/organizations/430005/plans/kumamoto-2020/values.csv");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8; header=present");
  expect(res.headers()["content-disposition"]).toContain("430005_kumamoto-2020_values.csv");
  expect(decodeURIComponent(res.headers()["x-data-license"])).toBe("公共データ利用規約 第1.0版 (PDL1.0)");
  const lastModified = res.headers()["last-modified"];
  expect(Date.parse(lastModified)).toBeGreaterThan(0);
  const body = await res.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.toString("utf8").slice(1);
  expect(text.split("\r\n")[0]).toMatch(/^organizationCode,organizationName,planSlug,planName,measureNumber,/);
  expect(text).toContain('430005,熊本県,kumamoto-2020,第2期 熊本県まち・ひと・しごと創生総合戦略,6,KPI,県が育成した防災士の資格取得者数,知事公室／危機管理防災課,累計,実績値,2023,令和5年度,1759,人,number,"1,759"');
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // every line break is a record's CRLF

  const again = await page.request.get(href!, { headers: { "If-Modified-Since": lastModified } });
  expect(again.status()).toBe(304);
});

test("the narratives and statuses CSVs and the JSON links answer, and unknown addresses are JSON 404s", async ({ page }) => {
  await page.goto("/opendata");
  const narratives = await page.request.get((await page.getByRole("link", { name: planLink("記述 CSV") }).getAttribute("href"))!);
  expect(narratives.headers()["content-type"]).toContain("text/csv");
  expect((await narratives.text()).split("\r\n")[0]).toContain("evaluationYear,evaluationYearLabel,section,itemNumber,text");
  const statuses = await page.request.get((await page.getByRole("link", { name: planLink("判定 CSV") }).getAttribute("href"))!);
  expect(statuses.headers()["content-type"]).toContain("text/csv");
  expect(statuses.headers()["content-disposition"]).toContain("430005_kumamoto-2020_statuses.csv");
  expect(statuses.headers()["access-control-allow-origin"]).toBe("*");
  expect(statuses.headers()["etag"]).toBeTruthy();
  const statusText = await statuses.text();
  expect(statusText.split("\r\n")[0]).toContain("progressRule,measureNumber,measureKind,measureName,evaluationYear,evaluationYearLabel");
  expect(statusText).toMatch(/\r\n430005,熊本県,kumamoto-2020,[^,]+,default,/);

  const json = await page.request.get((await page.getByRole("link", { name: planLink("JSON") }).getAttribute("href"))!);
  expect(json.headers()["content-type"]).toBe("application/json; charset=utf-8");
  const data = await json.json();
  expect(data.organizations[0].plans[0].measures).toHaveLength(57);

  const list = await (await page.request.get("/api/v1/organizations")).json();
  expect(list.organizations.map((o: { code: string }) => o.code)).toEqual(expect.arrayContaining(["430005", "402273"]));

  for (const url of ["/api/v1/organizations/999999/plans/kumamoto-2020", "/api/v1/organizations/430005/plans/nothing/values.csv", "/api/v1/organizations/430005.json/x", "/api/v1/nothing"]) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(404);
    expect(res.headers()["content-type"], url).toBe("application/json; charset=utf-8");
    expect((await res.json()).error.status).toBe(404);
  }
});
