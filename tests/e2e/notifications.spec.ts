// Notifications as their users meet them, on 土木部's KPIs of kumamoto-2020 only (No 5): the officer submits →
// the admin sees the unread count in the header, the notification, and the e-mail arrives at the run's SMTP
// server; the admin returns it with a reason → the officer is told, with the reason, in the app and by e-mail.
// Also: marking read, the e-mail choice on /account, the admin's outbox, and an officer refused the outbox.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { noAxeViolations, signIn } from "../helpers/e2e";

// two signed-in browsers per test on a busy CI machine
test.describe.configure({ mode: "serial", timeout: 90_000 });

const NO5 = "/orgs/430005/plans/kumamoto-2020/measures/5";
const REASON = "【E2E】実績値の出典（調査名）を取組状況に書き添えてください。";

/** The messages the run's SMTP server received (tests/run-e2e.ts writes each as an .eml file). */
async function waitForMail(match: (m: ParsedMail) => boolean): Promise<ParsedMail> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set: run the browser tests through tests/run-e2e.ts");
  for (let i = 0; i < 100; i++) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".eml")).sort()) {
      const mail = await simpleParser(readFileSync(path.join(dir, f)));
      if (match(mail)) return mail;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the expected e-mail did not arrive");
}
const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to.map((t) => t.text).join(",") : (m.to?.text ?? ""));

// one signed-in browser each for the officer and the admin, shared by the serial tests below
let officer: Page;
let admin: Page;
async function signedIn(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}
test.beforeAll(async ({ browser }) => {
  [officer, admin] = [await signedIn(browser, "doboku@demo.example"), await signedIn(browser, "admin@demo.example")];
});
test.afterAll(async () => {
  await officer?.context().close();
  await admin?.context().close();
});

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the officer submits No 5: the admin sees the unread count and the notification, and gets the e-mail", async () => {
  await officer.goto(`${NO5}/edit`);
  // the draft starts from the published text, which is enough to submit
  await officer.getByRole("button", { name: "提出する" }).click();
  await expect(officer.getByText(/提出しました。|提出済みです。/).first()).toBeVisible();

  await admin.goto("/work");
  const bell = admin.getByRole("banner").getByRole("link", { name: /^お知らせ（未読 \d+件）$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("お知らせ");
  const item = admin.getByRole("listitem").filter({ has: admin.getByRole("heading", { name: /^シートが提出されました：No\.5 / }) }).first();
  await expect(item).toContainText("未読");
  await expect(item).toContainText("土木 花子");
  await expect(item.getByRole("link")).toHaveAttribute("href", `${NO5}/approval?year=2023`);
  await noAxeViolations(admin);
  await shoot(admin, "notifications-admin");

  const mail = await waitForMail((m) => to(m).includes("admin@demo.example") && /提出されました：No\.5 /.test(m.subject ?? ""));
  expect(mail.text).toContain("令和5年度（2023年度）");
  expect(mail.text).toContain("熊本県");
  expect(mail.text).toMatch(new RegExp(`http://127\\.0\\.0\\.1:\\d+${NO5}/approval\\?year=2023`));

  // reading it: 既読にする on that notification lowers the count
  const before = Number((await bell.textContent())?.match(/未読 (\d+)件/)?.[1]);
  await item.getByRole("button", { name: /を既読にする$/ }).click();
  await expect(item).toContainText("既読");
  await expect(admin.getByRole("banner").getByRole("link", { name: before > 1 ? `お知らせ（未読 ${before - 1}件）` : "お知らせ", exact: true })).toBeVisible();
});

test("the admin returns it with a reason: the officer sees the reason in the app and gets the e-mail", async () => {
  await admin.goto(`${NO5}/approval?year=2023`);
  await admin.getByLabel("差し戻しの理由（必須）").fill(REASON);
  await admin.getByRole("button", { name: "差し戻す" }).click();

  await expect(async () => {
    await officer.goto("/notifications");
    await expect(officer.getByRole("heading", { name: /^シートが差し戻されました：No\.5 / }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(officer.getByRole("banner").getByRole("link", { name: /^お知らせ（未読 \d+件）$/ })).toBeVisible();
  const item = officer.getByRole("listitem").filter({ has: officer.getByRole("heading", { name: /^シートが差し戻されました：No\.5 / }) }).first();
  await expect(item).toContainText(REASON);
  await expect(item.getByRole("link")).toHaveAttribute("href", `${NO5}/edit?year=2023`);
  await shoot(officer, "notifications-officer");

  const mail = await waitForMail((m) => to(m).includes("doboku@demo.example") && /差し戻されました：No\.5 /.test(m.subject ?? ""));
  expect(mail.text).toContain("差し戻しの理由");
  expect(mail.text).toContain(REASON);

  await officer.getByRole("button", { name: "すべて既読にする" }).click();
  await expect(officer.getByRole("banner").getByRole("link", { name: "お知らせ", exact: true })).toBeVisible();
  await expect(officer.getByRole("button", { name: /既読にする$/ })).toHaveCount(0);
});

test("each user chooses e-mail per kind on /account", async () => {
  const page = officer;
  await page.goto("/account");
  const section = page.getByRole("region", { name: "通知の設定" });
  const returned = section.getByRole("checkbox", { name: "シートの差し戻し" });
  await expect(returned).toBeChecked();
  await returned.uncheck();
  await section.getByRole("button", { name: "通知の設定を保存" }).click();
  await expect(section.getByText("通知の設定を保存しました。")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "通知の設定" }).getByRole("checkbox", { name: "シートの差し戻し" })).not.toBeChecked();
  await expect(page.getByRole("region", { name: "通知の設定" }).getByRole("checkbox", { name: "シートの承認" })).toBeChecked();
  await noAxeViolations(page);
  await shoot(page, "account-notifications");
  // back as it was, for the next runs against the same database
  await page.getByRole("region", { name: "通知の設定" }).getByRole("checkbox", { name: "シートの差し戻し" }).check();
  await page.getByRole("region", { name: "通知の設定" }).getByRole("button", { name: "通知の設定を保存" }).click();
  await expect(page.getByText("通知の設定を保存しました。")).toBeVisible();
});

test("the admin reads the outbox; an officer is refused it", async () => {
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "メールの送信状況" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("メールの送信状況（送信箱）");
  const row = admin.getByRole("row").filter({ hasText: "doboku@demo.example" }).filter({ hasText: /差し戻されました：No\.5 / }).first();
  await expect(row).toContainText("送信済み");
  await row.getByText("本文を読む").click();
  await expect(row).toContainText(REASON);
  await noAxeViolations(admin);
  await shoot(admin, "admin-mail");

  await officer.goto("/admin/mail");
  await expect(officer.getByRole("alert").filter({ hasText: "管理者の権限がありません。" })).toBeVisible();
  await expect(officer.getByRole("table")).toHaveCount(0);
});
