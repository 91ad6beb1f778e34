// /admin/users: a refused registration keeps everything typed (name, password, role, units) and shows each
// mistake beside its field; once corrected the user is registered and the form is cleared. 嘉麻市 only.
import { expect, test } from "@playwright/test";
import { noAxeViolations, signIn } from "../helpers/e2e";

test("a refused user registration keeps what was typed; an officer cannot open the page", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "kama-admin@demo.example");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "嘉麻市に利用者を登録" });
  await form.getByLabel("メールアドレス").fill("kama-admin@demo.example"); // already registered
  await form.getByLabel("氏名").fill("住宅 次郎");
  await form.getByLabel("初期パスワード（12文字以上）").fill("long-enough-password");
  await form.getByLabel("役割").selectOption("officer");
  await form.getByLabel(/担当部局・課/).selectOption({ label: "住宅課" });
  await form.getByRole("button", { name: "登録する" }).click();
  await expect(form.locator(".field-error")).toContainText("登録済みのメールアドレスです");
  await expect(form.getByLabel("メールアドレス")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("氏名")).toHaveValue("住宅 次郎");
  await expect(form.getByLabel("初期パスワード（12文字以上）")).toHaveValue("long-enough-password");
  await expect(form.getByLabel("役割")).toHaveValue("officer");
  await expect(form.getByLabel(/担当部局・課/).locator("option:checked")).toHaveText("住宅課");
  await noAxeViolations(page);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/shots/admin-users-refused-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await form.getByLabel("メールアドレス").fill("jutaku-e2e@demo.example");
  await form.getByRole("button", { name: "登録する" }).click();
  await expect(form.getByRole("status")).toContainText("利用者を登録しました。");
  await expect(form.getByLabel("氏名")).toHaveValue("");

  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, "doboku@demo.example");
  await officer.goto("/admin/users");
  await expect(officer.getByRole("alert").filter({ hasText: "管理者の権限がありません" })).toBeVisible();
  await officer.close();
});
