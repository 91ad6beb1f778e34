// /admin/users: a refused invitation keeps everything typed (address, name, role, units) and shows the mistake
// beside its field (嘉麻市 only; sending an invitation is invitations.spec's part). An officer cannot open the page.
import { expect, test } from "@playwright/test";
import { noAxeViolations, signIn } from "../helpers/e2e";

test("a refused invitation keeps what was typed; an officer cannot open the page", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "kama-admin@demo.example");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "嘉麻市に利用者を招待" });
  await form.getByLabel("メールアドレス").fill("kama-admin@demo.example"); // already a member of 嘉麻市
  await form.getByLabel("氏名").fill("住宅 次郎");
  await form.getByLabel("役割").selectOption("officer");
  await form.getByLabel(/担当部局・課/).selectOption({ label: "住宅課" });
  await form.getByRole("button", { name: "招待する" }).click();
  await expect(form.locator(".field-error")).toContainText("この団体に登録済みの利用者です");
  await expect(form.getByLabel("メールアドレス")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("メールアドレス")).toHaveValue("kama-admin@demo.example");
  await expect(form.getByLabel("氏名")).toHaveValue("住宅 次郎");
  await expect(form.getByLabel("役割")).toHaveValue("officer");
  await expect(form.getByLabel(/担当部局・課/).locator("option:checked")).toHaveText("住宅課");
  await noAxeViolations(page);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/shots/admin-users-refused-${width}.png`, fullPage: true });
  }

  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, "doboku@demo.example");
  await officer.goto("/admin/users");
  await expect(officer.getByRole("alert").filter({ hasText: "管理者の権限がありません" })).toBeVisible();
});
