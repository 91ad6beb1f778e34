// Excel out and in as users do it: anyone downloads the plan's workbook; the 商工労働部 officer downloads it signed in
// (with each row's 版) and uploads a workbook with one bad cell (refused, the cell named), the unchanged export
// (「変更はありません」), a changed value (shown, confirmed, saved as a draft), a changed narrative (shown as a diff,
// saved), and the older workbook again (its row flagged 「書き出し後に更新されています」, a choice required).
// A viewer may not import. Only 商工労働部's KPIs other than No 15 and 16 are edited (other specs use those), and
// every other R5 cell and R5 narrative is blanked (blank = no change), so sheets other specs approve meanwhile
// do not count as edits.
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import type { Worksheet } from "exceljs";
import { noAxeViolations, signIn } from "../helpers/e2e";

test.describe.configure({ mode: "serial" });

const PLAN = "/orgs/430005/plans/kumamoto-2020";
const IMPORT = `${PLAN}/excel/import`;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const R5 = "R5実績値（2023）";
const R5_YEAR = "令和5年度（2023）";
let exported: Buffer;

function column(ws: Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((c, i) => (c.value === header ? (found = i) : undefined));
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

type Edits = { values?: Record<string, unknown>; narratives?: Record<string, string>; more?: (ws: Worksheet) => void };

/** The export with every R5 cell and R5 narrative blanked (no change) except the edited ones; returns the bytes, rows and R5 values. */
async function workbook(edits: Edits = {}, from = exported): Promise<{ buffer: Buffer; rows: Record<string, number>; values: Record<string, unknown> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(from as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("指標")!;
  const no = column(ws, "No");
  const r5 = column(ws, R5);
  const rows: Record<string, number> = {};
  const values: Record<string, unknown> = {};
  for (let r = 2; r <= ws.rowCount; r++) {
    const n = String(ws.getCell(r, no).value);
    rows[n] ??= r;
    values[n] ??= ws.getCell(r, r5).value;
    ws.getCell(r, r5).value = n in (edits.values ?? {}) ? (edits.values![n] as never) : null;
  }
  const narratives = wb.getWorksheet("記述")!;
  const effort = column(narratives, "取組状況");
  narratives.eachRow((row, r) => {
    if (r === 1 || row.getCell(column(narratives, "評価年度")).value !== R5_YEAR) return;
    const n = String(row.getCell(1).value);
    for (const h of ["取組状況", "課題等", "今後の方向性"]) row.getCell(column(narratives, h)).value = null;
    if (n in (edits.narratives ?? {})) row.getCell(effort).value = edits.narratives![n];
  });
  edits.more?.(ws);
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), rows, values };
}

async function upload(page: Page, buffer: Buffer) {
  await page.goto(IMPORT);
  await page.getByLabel("Excel ファイル（.xlsx）").setInputFiles({ name: "kpi.xlsx", mimeType: XLSX, buffer });
  await page.getByLabel("取り込む評価年度").selectOption("2023");
  await page.getByRole("button", { name: "内容を確認する" }).click();
}

async function shots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("anyone downloads the plan as an .xlsx with a Japanese file name", async ({ request }) => {
  const response = await request.get(`${PLAN}/excel`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe(XLSX);
  const disposition = response.headers()["content-disposition"];
  expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''/);
  expect(decodeURIComponent(disposition.split("''")[1])).toBe("熊本県_第2期 熊本県まち・ひと・しごと創生総合戦略.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["指標", "記述", "説明"]);
  expect((await request.get(`${PLAN}/excel?department=no-such-unit`)).status()).toBe(404);
});

test("a viewer may not import", async ({ page }) => {
  await signIn(page, "viewer@demo.example");
  await page.goto(IMPORT);
  await expect(page.getByRole("alert").filter({ hasText: "権限がありません" })).toBeVisible();
});

test("the officer's download carries each row's 版; a bad cell is refused whole, naming the cell", async ({ page }) => {
  test.slow(); // several uploads of the whole plan's workbook, each checked in full
  await signIn(page, "shoko@demo.example");
  await page.goto(IMPORT);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Excel から実績値と記述を取り込む");
  exported = Buffer.from(await (await page.request.get(`${PLAN}/excel`)).body());
  const check = new ExcelJS.Workbook();
  await check.xlsx.load(exported as unknown as ArrayBuffer);
  const values = check.getWorksheet("指標")!;
  expect(typeof values.getCell(2, column(values, "版")).value).toBe("number");

  const { buffer, rows } = await workbook({ values: { "17": "たくさん" } });
  await upload(page, buffer);
  const alert = page.getByRole("alert").filter({ hasText: "取り込めませんでした" }).first();
  await expect(alert).toContainText(`シート『指標』の${rows["17"]}行目、列『${R5}』：数値`);
  await expect(alert).toContainText("何も変更していません");
  await noAxeViolations(page);
});

test("the unchanged export says 「変更はありません」; a changed value is shown, confirmed and saved as a draft", async ({ page }) => {
  test.slow(); // several uploads of the whole plan's workbook, each checked in full
  await signIn(page, "shoko@demo.example");
  const unchanged = await workbook();
  await upload(page, unchanged.buffer);
  await expect(page.getByRole("status").filter({ hasText: "変更はありません" })).toBeVisible();

  const current = Number(unchanged.values["17"]);
  expect(Number.isFinite(current)).toBe(true);
  const next = current + 1;
  await upload(page, (await workbook({ values: { "17": next } })).buffer);
  const table = page.getByRole("table", { name: "変更される値" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText(next.toLocaleString("ja-JP"));
  await noAxeViolations(page);
  await page.getByRole("button", { name: "この内容で下書きに保存する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "下書きとして保存しました" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^No 17 / })).toBeVisible();

  // the same file again: the draft already holds the value
  await upload(page, (await workbook({ values: { "17": next } })).buffer);
  await expect(page.getByRole("status").filter({ hasText: "変更はありません" })).toBeVisible();
});

test("a narrative edited in 記述 is shown as a diff and saved into the draft", async ({ page }) => {
  await signIn(page, "shoko@demo.example");
  await upload(page, (await workbook({ narratives: { "18": "Excel で書き換えた取組状況（ブラウザのテスト）" } })).buffer);
  const preview = page.getByRole("region", { name: "取り込む内容の確認" });
  await expect(preview.getByRole("heading", { name: "変更される記述" })).toBeVisible();
  // both texts whole, and a character diff on request: removed text struck through, added text underlined
  await expect(preview.getByText("取り込む取組状況")).toBeVisible();
  await preview.getByText("文字ごとの差分を表示").click();
  const diff = preview.locator(".diff");
  await expect(diff).toContainText("Excel で書き換え");
  await expect(diff.locator("ins").filter({ hasText: "Excel で書き換え" })).toBeVisible();
  await expect(diff.locator("del").first()).toBeVisible();
  await shots(page, "excel-import-narrative");
  await page.getByRole("button", { name: "この内容で下書きに保存する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "0件の値と1件の記述を、1件のシートの下書きとして保存しました" })).toBeVisible();
  await page.getByRole("link", { name: /^No 18 / }).click();
  await expect(page.getByLabel("取組状況（下書き）")).toHaveValue("Excel で書き換えた取組状況（ブラウザのテスト）");
});

test("the older workbook: its row is flagged 「書き出し後に更新されています」 and needs a choice; other edits are listed as not imported", async ({ page }) => {
  test.slow(); // two uploads, two confirmations and four full-page screenshots
  await signIn(page, "shoko@demo.example");
  // the download from before No 17 was saved, No 17 edited again, and a target changed (not imported)
  const old = await workbook({ values: { "17": 1 }, more: (ws) => (ws.getCell(2, column(ws, "目標値")).value = 123456) });
  await upload(page, old.buffer);
  const stale = page.getByRole("group", { name: /書き出し後に更新されています/ });
  await expect(stale).toHaveCount(1);
  await expect(stale).toContainText("No 17");
  await expect(page.getByRole("table", { name: "取り込まれない変更" })).toContainText("目標値");
  await noAxeViolations(page);
  await shots(page, "excel-import-preview");

  await page.getByRole("button", { name: "この内容で下書きに保存する" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "書き出し後に更新された行があります" })).toBeVisible();
  await expect(stale.getByText("どちらかを選んでください")).toBeVisible();
  await stale.getByLabel("現在の内容を残す").check();
  await page.getByRole("button", { name: "この内容で下書きに保存する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "現在の内容を残しました" })).toBeVisible();
  await shots(page, "excel-import-kept");
});
