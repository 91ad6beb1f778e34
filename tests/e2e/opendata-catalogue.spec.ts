// The open data as harvesters and other sites' scripts use it: the API index, the DCAT catalogue linked from
// /opendata and from a plan page, the rules check shown per file, and a conditional cross-origin request from a
// page of another origin in Chromium (If-None-Match makes the browser send a CORS preflight first).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

const PLAN_PATH = "/orgs/430005/plans/kumamoto-2020";
const VALUES = "/api/v1/organizations/430005/plans/kumamoto-2020/values.csv";

let other: Server;
let otherOrigin = "";
test.beforeAll(async () => {
  // another origin: same host, another port
  other = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end('<!doctype html><html lang="ja"><title>他のサイト</title><h1>他のサイト</h1></html>');
  });
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise((resolve) => other.close(resolve));
});

test("GET /api/v1 is the API's index and the catalogue lists every plan with its distributions", async ({ request }) => {
  const index = await request.get("/api/v1");
  expect(index.status()).toBe(200);
  const body = await index.json();
  expect(body.links.catalog).toBe("/api/v1/catalog.jsonld");
  expect(body.links.openapi).toBe("/api/v1/openapi.json");
  expect((await request.get(body.links.openapi)).status()).toBe(200);

  const res = await request.get(body.links.catalog);
  expect(res.headers()["content-type"]).toBe("application/ld+json; charset=utf-8");
  const catalog = await res.json();
  const ids = catalog["dcat:dataset"].map((d: { "dct:identifier": string }) => d["dct:identifier"]);
  expect(ids).toEqual(expect.arrayContaining(["430005/kumamoto-2020", "430005/kumamoto-2024", "402273/kama-2020", "402273/kama-2025"]));
  const kumamoto = catalog["dcat:dataset"].find((d: { "dct:identifier": string }) => d["dct:identifier"] === "430005/kumamoto-2020");
  for (const d of kumamoto["dcat:distribution"]) {
    const url = new URL(d["dcat:downloadURL"]);
    const file = await request.get(url.pathname);
    expect(file.status(), url.pathname).toBe(200);
    const schema = await request.get(new URL(d["dct:conformsTo"]).pathname);
    expect(schema.status()).toBe(200);
  }
});

test("a page of another origin makes a conditional request: the preflight passes and the API answers 304", async ({ page, baseURL }) => {
  await page.goto(otherOrigin);
  const api = `${baseURL}${VALUES}`;
  const result = await page.evaluate(async (url) => {
    const first = await fetch(url); // a simple request: no preflight
    const etag = first.headers.get("ETag");
    const lastModified = first.headers.get("Last-Modified");
    const license = first.headers.get("X-Data-License");
    const text = await first.text();
    // If-None-Match is not CORS-safelisted: Chromium sends an OPTIONS preflight before this request
    const second = await fetch(url, { headers: { "If-None-Match": etag ?? "" }, cache: "no-store" });
    return { status1: first.status, etag, lastModified, license, header: text.split("\r\n")[0], status2: second.status, etag2: second.headers.get("ETag") };
  }, api);
  expect(result.status1).toBe(200);
  expect(result.etag).toMatch(/^W\/".+"$/);
  expect(Date.parse(result.lastModified!)).toBeGreaterThan(0);
  expect(decodeURIComponent(result.license!)).toBe("公共データ利用規約 第1.0版 (PDL1.0)");
  expect(result.header).toMatch(/^\uFEFF?organizationCode,/);
  expect(result.status2).toBe(304);
  expect(result.etag2).toBe(result.etag);

  // the preflight itself, as the browser sent it
  const preflight = await page.request.fetch(api, {
    method: "OPTIONS",
    headers: { Origin: otherOrigin, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
  expect(preflight.headers()["access-control-allow-headers"].toLowerCase()).toContain("if-none-match");
});

test("/opendata links the catalogue and shows the rules check per file; the plan page links the catalogue", async ({ page }) => {
  test.setTimeout(180_000); // axe on the whole page at two widths, on a shared machine
  // the public plans at this moment (other specs of the run publish plans and values of their own), and what the API's
  // machine-readability check says of each plan's real files: the page must show the same numbers. That the seeded
  // plans' files pass every rule is proven on pristine data in tests/integration/opendata-machine-readability.test.ts.
  const catalog = await (await page.request.get("/api/v1/catalog.jsonld")).json();
  const datasets = catalog["dcat:dataset"] as { "dct:identifier": string }[];
  expect(datasets.length).toBeGreaterThanOrEqual(4);
  const plans = datasets.length;
  let apiFails = 0;
  for (const d of datasets) {
    const [code, slug] = d["dct:identifier"].split("/");
    const check = await (await page.request.get(`/api/v1/organizations/${code}/plans/${slug}/machine-readability.json`)).json();
    for (const f of check.files as { file: string; summary: { fail: number } }[]) apiFails += f.summary.fail;
  }
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/opendata");
    await expect(page.getByRole("link", { name: "DCAT カタログ（JSON-LD）" })).toHaveAttribute("href", "/api/v1/catalog.jsonld");
    const checks = page.getByRole("table", { name: "ファイルごとの確認結果（ルールの数）" });
    await expect(checks).toBeVisible();
    // every listed plan's four files, computed from the real files: the same failures as the API reports
    const rows = checks.locator("tbody tr");
    await expect(rows).toHaveCount(4 * plans);
    let pageFails = 0;
    for (const row of await rows.all()) {
      const cells = row.locator("td");
      pageFails += Number(await cells.nth(1).textContent());
      expect(Number(await cells.nth(0).textContent())).toBeGreaterThanOrEqual(24);
    }
    expect(pageFails).toBe(apiFails);
    const perRule = page.getByRole("table", { name: /^ルールごとの結果/ });
    await expect(perRule.locator("tbody tr")).toHaveCount(30);
    // L1-13 (hidden rows and columns) is an Excel rule: not applicable to the CSVs, passed by data.xlsx
    const l113 = perRule.getByRole("row", { name: /L1-13/ }).locator("td");
    await expect(l113).toHaveText(["対象外", "対象外", "対象外", `適合（${plans}計画）`]);
    if (apiFails === 0) await expect(perRule).not.toContainText("不適合");
    else await expect(perRule).toContainText("不適合");
    await page.locator("#rules").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/h1-opendata-rules-${width}.png` });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  }

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(PLAN_PATH);
  const link = page.getByRole("link", { name: "データカタログ（DCAT）" });
  await expect(link).toHaveAttribute("href", "/api/v1/catalog.jsonld");
  await expect(page.locator('link[rel="alternate"][type="application/ld+json"]')).toHaveAttribute("href", /\/api\/v1\/catalog\.jsonld$/);
  await link.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/h1-plan-links-1280.png" });
});

test("the API's JSON and CSV are sent gzip-compressed to a client that accepts it", async ({ request }) => {
  for (const path of ["/api/v1/organizations/430005/plans/kumamoto-2020", "/api/v1/organizations/430005/plans/kumamoto-2020/values.csv", "/api/v1/catalog.jsonld"]) {
    const gzip = await request.get(path, { headers: { "Accept-Encoding": "gzip" } });
    expect(gzip.status(), path).toBe(200);
    expect(gzip.headers()["content-encoding"], path).toBe("gzip");
    expect((await gzip.body()).length, path).toBeGreaterThan(0); // decompressed by the client
    const plain = await request.get(path, { headers: { "Accept-Encoding": "identity" } });
    expect(plain.headers()["content-encoding"], path).toBeUndefined();
  }
});
