// Uploads of any size get the app's own Japanese answer: a file over the forms' limit is refused beside the field,
// and a body beyond what the server accepts at all gets the app's error page in Japanese — never Next's English page.
import { expect, test } from "@playwright/test";
import { signIn } from "../helpers/e2e";

const IMPORT = "/orgs/430005/plans/kumamoto-2020/excel/import";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

for (const [label, megabytes, expected] of [
  ["over the form's limit", 1.5, /ファイルが大きすぎます/],
  ["over the server's limit", 3, /処理を完了できませんでした/],
] as const) {
  test(`an upload ${label} (${megabytes} MB) is answered in Japanese`, async ({ page }) => {
    await signIn(page, "shoko@demo.example");
    await page.goto(IMPORT);
    await page.locator('input[type="file"]').first().setInputFiles({ name: "big.xlsx", mimeType: XLSX, buffer: Buffer.alloc(megabytes * 1024 * 1024, 65) });
    await page.getByRole("button", { name: /確認|アップロード|読み込む|取り込/ }).first().click();
    await expect(page.getByText(expected).first()).toBeVisible();
    await expect(page.getByText(/Application error|Internal Server Error|Body exceeded/)).toHaveCount(0);
  });
}
