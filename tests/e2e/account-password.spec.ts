// A user's own account on /account: changing the password (the current one asked again, each mistake beside its
// field with what was typed kept; afterwards only the new password signs in and every session has ended), and
// signing out everywhere (a copy of the session cookie in another browser stops working).
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../../lib/auth/passwords";
import { noAxeViolations } from "../helpers/e2e";

const EMAIL = "password-change@example.jp";
const OLD = "old-password-for-the-test";
const NEW = "new-password-for-the-test";

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const org = await client.query(`SELECT id FROM "Organization" WHERE code = '430005'`);
    const user = await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('pw-change-user', $1, '閲覧 次郎', $2, now()) RETURNING id`,
      [EMAIL, await hashPassword(OLD)],
    );
    await client.query(`INSERT INTO "Membership" (id, "userId", "organizationId", role) VALUES ('pw-change-m', $1, $2, 'viewer')`, [user.rows[0].id, org.rows[0].id]);
  } finally {
    await client.end();
  }
});

async function signIn(page: Page, password: string) {
  await page.goto("/signin");
  await page.getByLabel("メールアドレス").fill(EMAIL);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "サインイン" }).click();
}

test.describe.configure({ mode: "serial" });

test("a user changes their own password; mistakes are shown beside their fields; only the new one signs in", async ({ page, browser }) => {
  await signIn(page, OLD);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await page.goto("/account");
  const form = page.getByRole("form", { name: "パスワードの変更" });
  await form.getByLabel("現在のパスワード").fill("wrong-password-typed");
  await form.getByLabel("新しいパスワード（必須）", { exact: true }).fill(NEW);
  await form.getByLabel("新しいパスワード（確認）（必須）", { exact: true }).fill(NEW);
  await form.getByRole("button", { name: "パスワードを変更" }).click();
  await expect(form.getByText("現在のパスワードが正しくありません")).toBeVisible();
  await expect(form.getByLabel("新しいパスワード（必須）", { exact: true })).toHaveValue(NEW); // kept
  await noAxeViolations(page);

  await form.getByLabel("現在のパスワード").fill(OLD);
  await form.getByLabel("新しいパスワード（確認）（必須）", { exact: true }).fill("not-the-same-password");
  await form.getByRole("button", { name: "パスワードを変更" }).click();
  await expect(form.getByText("確認のために同じパスワードをもう一度入力してください")).toBeVisible();

  await form.getByLabel("新しいパスワード（確認）（必須）", { exact: true }).fill(NEW);
  await form.getByRole("button", { name: "パスワードを変更" }).click();
  await expect(form.getByRole("status")).toHaveText("パスワードを変更しました。すべての端末でサインアウトしました。新しいパスワードでサインインしてください。");
  // this browser's session ended with the change
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);

  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, OLD);
  await expect(second.getByRole("alert").filter({ hasText: "メールアドレスまたはパスワードが正しくありません" })).toBeVisible();
  await signIn(second, NEW);
  await second.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await second.goto("/account");
  await expect(second.getByRole("heading", { level: 1 })).toHaveText("アカウント");
  await other.close();
});

test("signing out ends every copy of the session: a cookie copied to another browser is refused afterwards", async ({ page, browser }) => {
  await signIn(page, NEW);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  const copy = await browser.newContext();
  await copy.addCookies(await page.context().cookies());
  const other = await copy.newPage();
  await other.goto("/account");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("アカウント"); // the copy works while the session lives

  await page.goto("/account");
  await page.getByRole("button", { name: "すべての端末からサインアウト" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await other.goto("/account");
  await expect(other).toHaveURL(/\/signin/); // the copied cookie is refused
  await copy.close();
});
