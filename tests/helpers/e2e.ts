// Shared steps of the browser tests: signing in as a demo account, and the accessibility check.
import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { DEMO_PASSWORD } from "../../lib/demo/demo-accounts";

export { DEMO_PASSWORD };

export async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "サインイン" }).click();
  // everyone lands where their work is (officers and admins on /work, committee members on the review list…)
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

export async function noAxeViolations(page: Page) {
  // the settled page: right after a server action Next may still be streaming the re-rendered page's metadata, and
  // for a moment the document has no <title> (seen once in CI on /account after a token was created). A title that
  // never comes still fails here.
  await expect.poll(() => page.title(), { timeout: 5000 }).not.toBe("");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}
