// One publication through the UI, for the cache tests: the officer writes a new 取組状況 for a KPI and submits it,
// the admin approves it, while `alongside` (another write, prepared first) runs at the same moment. Resolves when
// both have answered (the approval's confirmation is on the admin's screen).
import { expect, type Page } from "@playwright/test";

export async function submitAndApprove(officer: Page, admin: Page, kpiPath: string, text: string, alongside?: { prepare(): Promise<void>; run(): Promise<void> }): Promise<void> {
  await officer.goto(`${kpiPath}/edit`);
  await officer.getByLabel("取組状況（下書き）").fill(text);
  await officer.getByRole("button", { name: "提出する" }).click();
  await expect(officer.getByText(/提出しました。|提出済みです。/).first()).toBeVisible({ timeout: 20_000 });
  await admin.goto(`${kpiPath}/approval`);
  await expect(admin.getByRole("button", { name: "承認して公開する" })).toBeEnabled({ timeout: 20_000 });
  await alongside?.prepare();
  await Promise.all([
    alongside?.run(),
    (async () => {
      await admin.getByRole("button", { name: "承認して公開する" }).click();
      await expect(admin.getByText(/承認し、公開しました。/).first()).toBeVisible({ timeout: 20_000 });
    })(),
  ]);
}
