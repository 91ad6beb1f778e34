// Sign-in that resists strangers, through the real server: failures from one connection are throttled even when
// each request claims another address in X-Forwarded-For (the app is not behind a named proxy here, so that header
// is not believed), and the throttle on one account does not keep another account's owner out.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../helpers/e2e";

test("five failures throttle the account from this connection whatever X-Forwarded-For says; another account still signs in", async ({ page, browser }) => {
  const stranger = "throttle-target@example.lg.jp"; // an unknown account is counted exactly like a known one
  for (let i = 0; i < 6; i++) {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.51.100.${i + 1}` });
    await page.goto("/signin");
    await page.getByLabel("メールアドレス").fill(stranger);
    await page.getByLabel("パスワード").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "サインイン" }).click();
    const expected = i < 5 ? "メールアドレスまたはパスワードが正しくありません" : "この接続元からのサインインを一時的に止めています";
    await expect(page.getByRole("alert").filter({ hasText: expected })).toBeVisible();
  }
  const other = await browser.newPage();
  await other.goto("/signin");
  await other.getByLabel("メールアドレス").fill("viewer@demo.example");
  await other.getByLabel("パスワード").fill(DEMO_PASSWORD);
  await other.getByRole("button", { name: "サインイン" }).click();
  await other.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await other.close();
});
