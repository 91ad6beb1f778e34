// The plan workbook (計画の設定用 Excel) as the 熊本県 admin uses it on kumamoto-2024: download the workbook (an
// .xlsx with the 指標 sheet), upload a bad one (every error at its row and column, nothing changed), upload the
// fixture saved by openpyxl (preview of the KPIs to create and change), apply, and see the baseline and target
// on the KPI's public page. A 土木部 officer is refused the page and the download.
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { noAxeViolations, signIn } from "../helpers/e2e";

test.describe.configure({ mode: "serial" });

const PLAN = "/orgs/430005/plans/kumamoto-2024";
const PAGE = `${PLAN}/setup/workbook`;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FIXTURE = "tests/fixtures/plan-workbook-openpyxl.xlsx";
let downloaded: Buffer;

async function screenshots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/plan-workbook-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function upload(page: Page, file: { name: string; buffer: Buffer }) {
  await page.getByLabel("計画の設定用 Excel ファイル（.xlsx）").setInputFiles({ name: file.name, mimeType: XLSX, buffer: file.buffer });
  await page.getByRole("button", { name: "内容を確認する" }).click();
}

test("the admin downloads the workbook, a bad upload lists its rows and columns", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("計画の設定用 Excel");
  await noAxeViolations(page);
  await screenshots(page, "page");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /計画の設定用 Excel をダウンロード/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/計画の設定\.xlsx$/);
  downloaded = readFileSync((await download.path())!);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(downloaded as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["指標", "説明", "区分", "リスト"]);
  expect(wb.getWorksheet("指標")!.getCell("A1").value).toBe("No");

  // a bad target kind on the first KPI and an unknown department on the second
  const ws = wb.getWorksheet("指標")!;
  const header: Record<string, number> = {};
  ws.getRow(1).eachCell((c, i) => (header[String(c.value)] = i));
  ws.getCell(2, header["系列（区分）"]).value = "単年";
  ws.getCell(2, header["目標の種類"]).value = "たくさん";
  ws.getCell(3, header["担当部局1"]).value = "存在しない部";
  await upload(page, { name: "bad.xlsx", buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
  const errors = page.locator(".form-error[role=alert]");
  await expect(errors).toContainText("ファイルを反映できません");
  await expect(errors).toContainText("シート『指標』の2行目、列『目標の種類』：「たくさん」は選べません");
  await expect(errors).toContainText("シート『指標』の3行目、列『担当部局1』：「存在しない部」という部局はありません");
  await noAxeViolations(page);
  await screenshots(page, "errors");

  // the unchanged download: nothing to change
  await upload(page, { name: "unchanged.xlsx", buffer: downloaded });
  await expect(page.locator(".form-notice[role=status]")).toContainText("変更はありません");
});

test("the admin uploads the openpyxl fixture, previews and applies it; the KPI page shows the target", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.goto(PAGE);
  await upload(page, { name: "plan-workbook-openpyxl.xlsx", buffer: readFileSync(FIXTURE) });
  const preview = page.getByRole("region", { name: "反映する内容の確認" });
  await expect(preview).toBeVisible();
  const table = preview.getByRole("table", { name: "作成・変更・廃止される指標" });
  for (const name of ["高規格道路の整備進捗率", "緊急輸送道路の防災点検要対策箇所の整備箇所数", "土砂災害特別警戒区域からの住宅移転数", "テスト用の指標：橋りょう点検の完了（架空）"]) {
    await expect(table.getByRole("rowheader", { name })).toBeVisible();
  }
  await expect(table).toContainText("担当：（なし） → 土木部 道路整備課");
  await expect(table).toContainText("新規作成");
  await noAxeViolations(page);
  await screenshots(page, "preview");

  await preview.getByRole("button", { name: "この内容で反映する" }).click();
  await expect(page.locator(".form-notice[role=status]")).toContainText("4件の指標を反映しました");
  await expect(page.locator(".form-notice[role=status]")).toContainText("新規作成：No 4-8");

  await page.goto(`${PLAN}/measures/4-2`);
  const row = page.getByRole("row", { name: /累計（%）/ }).first();
  await expect(row).toContainText("45.5");
  await expect(row).toContainText("60");
});

test("a department officer is refused the page and the download", async ({ page }) => {
  await signIn(page, "doboku@demo.example");
  await page.goto(PAGE);
  await expect(page.locator(".form-error[role=alert]")).toContainText("この計画を設定する権限がありません");
  await expect(page.getByLabel("計画の設定用 Excel ファイル（.xlsx）")).toHaveCount(0);
  const res = await page.request.get(`${PAGE}/download`);
  expect(res.status()).toBe(403);
  await noAxeViolations(page);
});
