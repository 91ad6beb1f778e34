// Anonymous readers of the public pages are served a cached copy (lib/anonymous-cache/routing.ts); everyone
// else gets the page rendered for them. The copy must never hold anything of a signed-in user, and a view
// with filters or another year is always rendered for its request. (That a write drops the copies at once is
// shown in editing.spec.ts: the approved text is visible to the signed-out reader on the next visit.)
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../helpers/e2e";

const KUMAMOTO = "/orgs/430005/plans/kumamoto-2020";
const NO15 = `${KUMAMOTO}/measures/15`;

async function visitTwice(page: Page, url: string) {
  await page.goto(url);
  return (await page.reload())!;
}

test("a signed-out reader gets the cached copy of the home page, an overview, a KPI page and a department page", async ({ page }) => {
  for (const [url, heading] of [
    ["/", /総合戦略/],
    [KUMAMOTO, /総合戦略/],
    [NO15, /製造品出荷額/],
  ] as const) {
    const response = await visitTwice(page, url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()["x-nextjs-cache"], url).toBe("HIT");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
    await expect(page).toHaveURL(url); // the reader never sees the internal path
    await expect(page.getByRole("navigation", { name: "利用者メニュー" })).toContainText("サインイン");
  }
  await page.goto(KUMAMOTO);
  await page.getByRole("link", { name: "土木部", exact: true }).first().click();
  const department = (await page.reload())!;
  expect(department.headers()["x-nextjs-cache"]).toBe("HIT");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("土木部の指標");
});

test("filters, sorting and another evaluation year are rendered for the request, not served from the copy", async ({ page }) => {
  const filtered = await visitTwice(page, `${KUMAMOTO}?status=achieved`);
  expect(filtered.headers()["x-nextjs-cache"]).toBeUndefined();
  const statuses = await page.getByRole("table", { name: /指標一覧/ }).locator("tbody tr .status-badge").allInnerTexts();
  expect(statuses.length).toBeGreaterThan(0);
  for (const s of statuses) expect(s).toContain("達成");

  const r2 = await visitTwice(page, `${KUMAMOTO}/measures/9?year=2020`);
  expect(r2.headers()["x-nextjs-cache"]).toBeUndefined();
  await expect(page.getByText("令和2年度評価時の記載")).toBeVisible();

  // a parameter the pages do not read is the same page: the copy answers it
  const tracked = await visitTwice(page, `${NO15}?utm_source=newsletter`);
  expect(tracked.headers()["x-nextjs-cache"]).toBe("HIT");
});

test("a signed-in officer gets their own page on the same URL, and the copy keeps nothing of theirs", async ({ browser }) => {
  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, "shoko@demo.example");
  const own = (await officer.goto(NO15))!;
  expect(own.headers()["x-nextjs-cache"]).toBeUndefined();
  await expect(officer.getByRole("link", { name: "シートを編集する" })).toBeVisible();
  await expect(officer.getByRole("navigation", { name: "利用者メニュー" })).toContainText("担当シート");

  const reader = await (await browser.newContext()).newPage();
  const copy = await visitTwice(reader, NO15);
  expect(copy.headers()["x-nextjs-cache"]).toBe("HIT");
  await expect(reader.getByRole("heading", { level: 1 })).toContainText("製造品出荷額");
  await expect(reader.getByRole("link", { name: "シートを編集する" })).toHaveCount(0);
  await expect(reader.getByRole("navigation", { name: "利用者メニュー" })).not.toContainText("担当シート");
  await expect(reader.getByRole("navigation", { name: "利用者メニュー" })).toContainText("サインイン");
});

test("only real pages are cached: made-up KPI, plan and department URLs are a Japanese 404 each time, never a stored copy", async ({ request, page }) => {
  for (const url of [`${KUMAMOTO}/measures/no-such-kpi-${Date.now()}`, "/orgs/430005/plans/no-such-plan", "/orgs/430005/units/no-such-unit"]) {
    for (let i = 0; i < 2; i++) {
      const r = await request.get(url);
      expect(r.status(), url).toBe(404);
      expect(r.headers()["x-nextjs-cache"], url).toBeUndefined();
      expect(r.headers()["cache-control"] ?? "", url).not.toContain("s-maxage");
    }
  }
  // a client cannot steer the cache with the proxy's own header: the real page is still served from the cache
  const steered = await request.get(NO15, { headers: { "x-kpi-uncached": "1" } });
  expect(steered.headers()["x-nextjs-cache"]).toBe("HIT");
  // a broken percent-encoding is refused in Japanese (Next answered 500 while decoding the parameter)
  for (const url of [`${KUMAMOTO}/measures/%E0%A4%A`, `${KUMAMOTO}/measures/%E0%A4%A/print`, "/api/v1/organizations/%E0%A4%A"]) {
    const r = await request.get(url);
    expect(r.status(), url).toBe(400);
    expect(await r.text(), url).toContain("エンコードが正しくありません");
  }
  await page.goto(`${KUMAMOTO}/measures/no-such-kpi`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
});
