// Adding a person as the planning division does it: 嘉麻市's admin invites a new address on /admin/users (no
// password is set by the admin), the invitation's link from the e-mail opens for the invitee, who chooses a
// password, joins and signs in; the pending invitation is listed until then. A viewer cannot reach the page.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { noAxeViolations, signIn } from "../helpers/e2e";

const EMAIL = `shinki-${Date.now()}@example.lg.jp`;

async function invitationLink(): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`select text from "MailMessage" where "to" = $1 order by "createdAt" desc limit 1`, [EMAIL]);
    const link = /https?:\/\/[^\s]+\/invitations\/[\w-]+/.exec(rows[0]?.text ?? "")?.[0];
    if (!link) throw new Error("no invitation e-mail");
    return new URL(link).pathname;
  } finally {
    await client.end();
  }
}

test("the admin invites a new address; the invitee sets a password through the link and signs in", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, "kama-admin@demo.example");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "嘉麻市に利用者を招待" });
  await form.getByLabel("メールアドレス").fill(EMAIL);
  await form.getByLabel("氏名").fill("嘉麻 新規");
  await form.getByLabel("役割").selectOption("viewer");
  await form.getByRole("button", { name: "招待する" }).click();
  await expect(form.getByRole("status")).toContainText(`${EMAIL} に招待を送りました`);
  await page.reload();
  await expect(page.getByText(`${EMAIL} — 閲覧者`)).toBeVisible();
  await noAxeViolations(page);

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(await invitationLink());
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("嘉麻市からの招待");
  const accept = invitee.getByRole("form", { name: "招待を承諾してパスワードを設定" });
  await accept.getByLabel("パスワード（12文字以上）").fill("short");
  await accept.getByRole("button", { name: "承諾して参加する" }).click();
  await expect(accept.getByText("パスワードは12文字以上にしてください")).toBeVisible();
  await noAxeViolations(invitee);
  await accept.getByLabel("パスワード（12文字以上）").fill("invited-person-password");
  await accept.getByLabel("パスワード（確認）").fill("invited-person-password");
  await accept.getByRole("button", { name: "承諾して参加する" }).click();
  await expect(accept.getByRole("status")).toContainText("参加しました");
  await invitee.getByRole("link", { name: "サインインへ進む" }).click();
  await invitee.getByLabel("メールアドレス").fill(EMAIL);
  await invitee.getByLabel("パスワード").fill("invited-person-password");
  await invitee.getByRole("button", { name: "サインイン" }).click();
  await invitee.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await expect(invitee.getByRole("navigation", { name: "利用者メニュー" })).toContainText("嘉麻 新規");

  // the link works once
  await invitee.goto(await invitationLink());
  await expect(invitee.getByRole("alert").filter({ hasText: "この招待は無効です" })).toBeVisible();
});

test("a viewer is refused the user management page", async ({ page }) => {
  await signIn(page, "viewer@demo.example");
  await page.goto("/admin/users");
  await expect(page.getByRole("alert").filter({ hasText: "管理者の権限がありません" })).toBeVisible();
});
