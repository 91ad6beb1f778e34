// The yearly update as its users do it: an officer of 商工労働部 edits No 15, saves a draft and submits;
// cannot touch No 1 (健康福祉部) through the UI or a forged request; the admin approves; a signed-out
// reader sees the new text; the history shows the diff; two browsers editing the same sheet conflict.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { noAxeViolations, signIn } from "../helpers/e2e";
import pg from "pg";

test.describe.configure({ mode: "serial" });

const NO15 = "/orgs/430005/plans/kumamoto-2020/measures/15";
const NO1 = "/orgs/430005/plans/kumamoto-2020/measures/1";
const ADDED = "【令和5年度追記】県内企業の設備投資を後押しした。";



async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(query, params)).rows as T[];
  } finally {
    await client.end();
  }
}

test("a wrong password is refused beside the form, and the sign-in page passes axe", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("メールアドレス").fill("shoko@demo.example");
  await page.getByLabel("パスワード").fill("wrong-password");
  await page.getByRole("button", { name: "サインイン" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "メールアドレスまたはパスワードが正しくありません" })).toBeVisible();
  await noAxeViolations(page);
});

test("the officer edits No 15, saves a draft, submits; No 1 is refused through the UI and a forged request", async ({ page }) => {
  await signIn(page, "shoko@demo.example");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("更新するシート");
  await expect(page.getByRole("rowheader", { name: "製造品出荷額", exact: true })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /^被災された方々/ })).toHaveCount(0); // No 1 is not theirs
  await noAxeViolations(page);

  await page.goto(`${NO15}/edit`);
  const effort = page.getByLabel("取組状況（下書き）");
  await effort.fill(`${await effort.inputValue()}\n${ADDED}`);
  const value = page.getByRole("group", { name: /実績値/ }).getByRole("textbox").first();
  await value.fill("あいう");
  await page.getByRole("button", { name: "下書き保存" }).click();
  await expect(page.locator(".field-error").first()).toContainText("数値");
  await value.fill("３６，１２３");
  await noAxeViolations(page);

  // capture the save request, to replay it against No 1 below
  const saved = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "下書き保存" }).click();
  await expect(page.getByText("下書きを保存しました。")).toBeVisible();
  const request = await saved;

  await page.getByRole("button", { name: "提出する" }).click();
  await expect(page.getByText(/提出しました。|提出済みです。/).first()).toBeVisible();

  // through the UI: the edit page of No 1 says no
  await page.goto(`${NO1}/edit`);
  await expect(page.getByRole("alert").filter({ hasText: "権限がありません" })).toBeVisible();

  // a forged request: the same server action, with No 1's measure id
  const [no1] = await sql<{ id: string }>(`SELECT m.id FROM "Measure" m JOIN "Plan" p ON p.id = m."planId" WHERE p.slug = 'kumamoto-2020' AND m.number = '1'`);
  const [no15] = await sql<{ id: string }>(`SELECT m.id FROM "Measure" m JOIN "Plan" p ON p.id = m."planId" WHERE p.slug = 'kumamoto-2020' AND m.number = '15'`);
  const [series1] = await sql<{ id: string }>(`SELECT id FROM "ValueSeries" WHERE "measureId" = $1`, [no1.id]);
  const [series15] = await sql<{ id: string }>(`SELECT id FROM "ValueSeries" WHERE "measureId" = $1`, [no15.id]);
  const before = await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditLog"`);
  const forged = (request.postData() ?? "").split(no15.id).join(no1.id).split(series15.id).join(series1.id).replace(/name="version"\r\n\r\n\d+/, 'name="version"\r\n\r\n1');
  const response = await page.request.fetch(request.url(), { method: "POST", headers: request.headers(), data: forged });
  expect(response.status()).toBeLessThan(500);
  expect(await response.text()).toContain("権限がありません");
  const after = await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditLog"`);
  expect(after[0].n).toBe(before[0].n);
  const no1Entry = await sql<{ state: string; effortStatus: string }>(`SELECT state, "effortStatus" FROM "SheetEntry" WHERE "measureId" = $1 AND "evaluationYear" = 2023`, [no1.id]);
  expect(no1Entry[0].effortStatus).not.toContain(ADDED);
});

test("the admin sees the submission and approves it; a signed-out reader sees the new text and the history diff", async ({ page, browser }) => {
  // before the approval a signed-out reader is served the cached public copy of No 15, without the draft
  const reader = await browser.newPage();
  await reader.goto(NO15);
  const cached = await reader.reload();
  expect(cached?.headers()["x-nextjs-cache"]).toBe("HIT");
  await expect(reader.getByRole("region", { name: "取組状況", exact: true })).toBeVisible();
  await expect(reader.getByRole("region", { name: "取組状況", exact: true })).not.toContainText(ADDED);

  await signIn(page, "admin@demo.example");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("各部局のシートの状況");
  const row = page.getByRole("row", { name: /製造品出荷額/ }).filter({ hasText: "提出済" });
  await expect(row).toContainText("提出済");
  await row.getByRole("link", { name: /確認・承認/ }).click();
  await expect(page.getByText(ADDED)).toBeVisible();
  await noAxeViolations(page);
  await page.getByRole("button", { name: "承認して公開する" }).click();
  await expect(page.getByText(/承認し、公開しました。|公開済みです。/).first()).toBeVisible();

  // the approval dropped the cached copy: the same reader's next visit shows the published text at once
  await reader.goto(NO15);
  await expect(reader.getByRole("region", { name: "取組状況", exact: true })).toContainText(ADDED);
  await expect(reader.getByRole("table", { name: /基準値・実績値・目標値/ })).toContainText("36,123");
  const history = reader.getByRole("region", { name: "変更履歴" });
  await expect(history).toContainText("承認・公開");
  await expect(history.locator("ins", { hasText: "令和5年度追記" }).first()).toBeVisible();
  await reader.screenshot({ path: "test-results/history.png", fullPage: true });
  await reader.close();
});

async function officerPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "shoko@demo.example");
  await page.goto(`${NO15}/edit`);
  return page;
}

test("two browsers edit the same sheet: the second save is refused and both versions are shown", async ({ browser }) => {
  const first = await officerPage(browser);
  const second = await officerPage(browser);
  await first.getByLabel("課題等（下書き）").fill("一人目の課題等");
  await first.getByRole("button", { name: "下書き保存" }).click();
  await expect(first.getByText("下書きを保存しました。")).toBeVisible();

  await second.getByLabel("課題等（下書き）").fill("二人目の課題等");
  await second.getByRole("button", { name: "下書き保存" }).click();
  const conflict = second.getByRole("alert").filter({ hasText: "他の人が先に保存しています" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("一人目の課題等");
  await expect(conflict).toContainText("二人目の課題等");
  await expect(second.getByLabel("課題等（下書き）")).toHaveValue("二人目の課題等"); // nothing lost
  await second.screenshot({ path: "test-results/conflict.png", fullPage: true });
  const [entry] = await sql<{ issues: string }>(`SELECT e.issues FROM "SheetEntry" e JOIN "Measure" m ON m.id = e."measureId" JOIN "Plan" p ON p.id = m."planId" WHERE p.slug = 'kumamoto-2020' AND m.number = '15' AND e."evaluationYear" = 2023`);
  expect(entry.issues).toBe("一人目の課題等");
});

test("a malformed ?year= on the edit page opens the current year's sheet, not an error", async ({ page }) => {
  await signIn(page, "shoko@demo.example");
  for (const year of ["abc", "2023.5"]) {
    const response = await page.goto(`${NO15}/edit?year=${year}`);
    expect(response?.status(), year).toBe(200);
    await expect(page.getByLabel("取組状況（下書き）")).toBeVisible();
    await expect(page.getByText("NaN")).toHaveCount(0);
  }
});

test("a write the public does not see (a draft) leaves the cached copies alone; the writer's screen follows it", async ({ browser }) => {
  const NO31 = "/orgs/430005/plans/kumamoto-2020/measures/31"; // 熊本と阿蘇の交通量の回復状況 (土木部): its draft is saved only here
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(NO31);
  expect((await reader.reload())!.headers()["x-nextjs-cache"]).toBe("HIT");

  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, "doboku@demo.example");
  await officer.goto(`${NO31}/edit`);
  const draft = `公開されない下書き ${Date.now()}`;
  for (const text of [draft, `${draft}（直し）`]) {
    // twice in a row without leaving the page: the second save carries the version the first one wrote
    await officer.getByLabel("課題等（下書き）").fill(text);
    const answered = officer.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/edit"));
    await officer.getByRole("button", { name: "下書き保存" }).click();
    await answered;
    await expect(officer.getByText("下書きを保存しました。")).toBeVisible({ timeout: 20_000 });
    await expect(officer.locator(".form-error")).toHaveCount(0);
  }
  await officer.reload();
  await expect(officer.getByLabel("課題等（下書き）")).toHaveValue(`${draft}（直し）`);

  // the public copy was neither dropped nor changed
  const after = (await reader.reload())!;
  expect(after.headers()["x-nextjs-cache"]).toBe("HIT");
  await expect(reader.getByText(draft)).toHaveCount(0);
});
