// Excel out and in as users do it: anyone downloads the plan's workbook; the 商工労働部 officer uploads a
// workbook with one bad cell (refused, the cell named), the unchanged export (「変更はありません」), and a
// changed value (shown, confirmed, saved as a draft). A viewer may not import. No 15 is left out: other
// specs edit it in the same database.
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import type { Worksheet } from "exceljs";

test.describe.configure({ mode: "serial" });

const PASSWORD = "kpi-demo-password";
const PLAN = "/orgs/430005/plans/kumamoto-2020";
const IMPORT = `${PLAN}/excel/import`;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const R5 = "R5実績値（2023）";
let exported: Buffer;

async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(PASSWORD);
  await page.getByRole("button", { name: "サインイン" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

async function noAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

function column(ws: Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((c, i) => (c.value === header ? (found = i) : undefined));
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

/** The export with No 15's R5 cells blanked (no change) and some R5 cells set; returns the bytes and rows. */
async function workbook(changes: Record<string, unknown> = {}): Promise<{ buffer: Buffer; rows: Record<string, number>; values: Record<string, unknown> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(exported as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("指標")!;
  const no = column(ws, "No");
  const r5 = column(ws, R5);
  const rows: Record<string, number> = {};
  const values: Record<string, unknown> = {};
  for (let r = 2; r <= ws.rowCount; r++) {
    const n = String(ws.getCell(r, no).value);
    rows[n] ??= r;
    values[n] ??= ws.getCell(r, r5).value;
    if (n === "15") ws.getCell(r, r5).value = null;
    if (n in changes) ws.getCell(r, r5).value = changes[n] as never;
  }
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), rows, values };
}

async function upload(page: Page, buffer: Buffer) {
  await page.goto(IMPORT);
  await page.getByLabel("Excel ファイル（.xlsx）").setInputFiles({ name: "kpi.xlsx", mimeType: XLSX, buffer });
  await page.getByLabel("取り込む評価年度").selectOption("2023");
  await page.getByRole("button", { name: "内容を確認する" }).click();
}

test("anyone downloads the plan as an .xlsx with a Japanese file name", async ({ request }) => {
  const response = await request.get(`${PLAN}/excel`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe(XLSX);
  const disposition = response.headers()["content-disposition"];
  expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''/);
  expect(decodeURIComponent(disposition.split("''")[1])).toBe("熊本県_第2期 熊本県まち・ひと・しごと創生総合戦略.xlsx");
  exported = Buffer.from(await response.body());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(exported as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["指標", "記述", "説明"]);
  expect((await request.get(`${PLAN}/excel?department=no-such-unit`)).status()).toBe(404);
});

test("a viewer may not import; the officer's bad cell is refused whole, naming the cell", async ({ page }) => {
  await signIn(page, "viewer@demo.example");
  await page.goto(IMPORT);
  await expect(page.getByRole("alert").filter({ hasText: "権限がありません" })).toBeVisible();
  await page.context().clearCookies();

  await signIn(page, "shoko@demo.example");
  await page.goto(IMPORT);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Excel から実績値を取り込む");
  await noAxeViolations(page);

  const { buffer, rows } = await workbook({ "17": "たくさん" });
  await upload(page, buffer);
  const alert = page.getByRole("alert").filter({ hasText: "取り込めませんでした" }).first();
  await expect(alert).toContainText(`シート『指標』の${rows["17"]}行目、列『${R5}』：数値`);
  await expect(alert).toContainText("何も変更していません");
  await noAxeViolations(page);
});

test("the unchanged export says 「変更はありません」; a changed value is shown, confirmed and saved as a draft", async ({ page }) => {
  await signIn(page, "shoko@demo.example");
  const unchanged = await workbook();
  await upload(page, unchanged.buffer);
  await expect(page.getByRole("status").filter({ hasText: "変更はありません" })).toBeVisible();

  const current = Number(unchanged.values["17"]);
  expect(Number.isFinite(current)).toBe(true);
  const next = current + 1;
  await upload(page, (await workbook({ "17": next })).buffer);
  const table = page.getByRole("table", { name: "変更される値" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText(next.toLocaleString("ja-JP"));
  await noAxeViolations(page);
  await page.getByRole("button", { name: "この内容で下書きに保存する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "下書きとして保存しました" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^No 17 / })).toBeVisible();

  // the same file again: the draft already holds the value
  await upload(page, (await workbook({ "17": next })).buffer);
  await expect(page.getByRole("status").filter({ hasText: "変更はありません" })).toBeVisible();
});
