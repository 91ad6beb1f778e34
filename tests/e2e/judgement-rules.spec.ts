// A plan set to S/A/B/C, as 嘉麻市's planning division would set it (kama-2020 only; restored to 嘉麻市方式 at the
// end): the rule and its thresholds chosen in plan set-up, then S/A/B/C everywhere a status is shown — the
// overview's counts and rule statement, the KPI page, the print view, the Excel export, the CSV and the JSON — and
// the official rating offers only that scale, with a reason required when it differs from the computed status.
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { noAxeViolations, signIn } from "../helpers/e2e";
import { readCsv } from "../../lib/opendata/machine-readability/read";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const PLAN = "/orgs/402273/plans/kama-2020";
const KPI = `${PLAN}/measures/1-1`; // 起業支援による創業者数: 19 against a 5-year target of 15 → S
const SCALE = ["S", "A", "B", "C", "未達成"];
const OTHER_MARKS = /^(○|△|×|達成|概ね順調|遅れ|悪化)$/;

async function setRule(page: Page, rule: string, fill?: Record<string, string>) {
  await page.goto(`${PLAN}/setup`);
  const form = page.getByRole("form", { name: "計画の設定" });
  await form.getByLabel("判定方法").selectOption({ label: rule });
  for (const [label, value] of Object.entries(fill ?? {})) await form.getByLabel(label).fill(value);
  await form.getByRole("button", { name: "設定を保存" }).click();
  await expect(form.getByRole("status")).toHaveText(/計画の設定を保存しました。|変更はありません。/);
}

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/judgement-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, "kama-admin@demo.example");
  await setRule(page, "嘉麻市方式（○・△・×）");
  await page.close();
});

test("the planning division sets S/A/B/C with its thresholds; a bad threshold is refused beside its field", async ({ page }) => {
  await signIn(page, "kama-admin@demo.example");
  await page.goto(`${PLAN}/setup`);
  const form = page.getByRole("form", { name: "計画の設定" });
  await form.getByLabel("判定方法").selectOption({ label: "S・A・B・C の4段階" });
  await form.getByLabel("「A」とする進捗率（%以上）").fill("50");
  await form.getByLabel("「B」とする進捗率（%を超える）").fill("60");
  await form.getByRole("button", { name: "設定を保存" }).click();
  await expect(form.getByText("「B」の値は「A」の値より小さくしてください")).toBeVisible();
  await expect(form.getByLabel("「A」とする進捗率（%以上）")).toHaveValue("50");
  await noAxeViolations(page);
  await shoot(page, "setup-refused");
  await form.getByLabel("「B」とする進捗率（%を超える）").fill("0");
  await form.getByRole("button", { name: "設定を保存" }).click();
  await expect(form.getByRole("status")).toHaveText("計画の設定を保存しました。");
  await page.reload();
  await expect(page.getByRole("form", { name: "計画の設定" }).getByLabel("「A」とする進捗率（%以上）")).toHaveValue("50");
});

test("the overview counts and states the rule in S/A/B/C", async ({ page }) => {
  await page.goto(PLAN);
  await expect(page.getByRole("heading", { name: "進捗の判定方法：S・A・B・C の4段階" })).toBeVisible();
  await expect(page.getByText("進捗率が50%以上で「A」")).toBeVisible();
  const counts = page.getByRole("list", { name: /の進捗状況$/ });
  const badges = await counts.locator(".status-badge").allTextContents();
  expect(badges.length).toBeGreaterThan(0);
  for (const b of badges) expect(b.trim()).toMatch(/^(S|A|B|C|未達成|判定不能)$/);
  const table = page.locator("table").filter({ hasText: "起業支援による創業者数" }).first();
  await expect(table.getByRole("row", { name: /起業支援による創業者数/ })).toContainText("S");
  await noAxeViolations(page);
  await shoot(page, "overview");
});

test("the KPI page shows S and offers only the plan's scale; a differing rating needs a reason", async ({ page }) => {
  await signIn(page, "kama-admin@demo.example");
  await page.goto(KPI);
  const status = page.getByRole("region", { name: /進捗状況/ });
  await expect(status.locator(".status-badge").first()).toHaveText("S");
  const form = page.getByRole("form", { name: "公式評価の設定" });
  const options = (await form.getByLabel(/の公式評価$/).locator("option").allTextContents()).filter((o) => o !== "選んでください");
  expect(options).toEqual(SCALE);
  await form.getByLabel(/の公式評価$/).selectOption("A");
  await form.getByRole("button", { name: "公式評価を保存" }).click();
  await expect(form.getByText("算出した判定（S）と異なる評価にするときは、理由を入力してください")).toBeVisible();
  await expect(form.getByLabel("算出した判定と異なるときの理由")).toBeFocused();
  await form.getByLabel("算出した判定と異なるときの理由").fill("創業者の半数が市外へ転出したため一段下げる");
  await form.getByRole("button", { name: "公式評価を保存" }).click();
  await expect(form.getByText("公式評価を「A」にしました（算出した判定と異なる理由とともに公開されます）。")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: /進捗状況/ })).toContainText("異なる評価の理由：創業者の半数が市外へ転出したため一段下げる");
  await noAxeViolations(page);
  await shoot(page, "kpi");
});

test("print, Excel, CSV and JSON say S/A/B/C too", async ({ page, request }) => {
  await page.goto(`${KPI}/print`);
  await expect(page.locator(".print-status .status-badge").first()).toHaveText("S");
  await expect(page.locator(".print-status")).toContainText("異なる評価の理由：創業者の半数が市外へ転出したため一段下げる");

  const xlsx = await request.get(`${PLAN}/excel`);
  expect(xlsx.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("指標")!;
  const header = ws.getRow(1).values as unknown[];
  const statusCol = header.indexOf("進捗状況");
  const statuses = new Set<string>();
  ws.eachRow((row, n) => n > 1 && statuses.add(String(row.getCell(statusCol).value)));
  expect([...statuses].some((s) => s === "S")).toBe(true);
  for (const s of statuses) expect(s).not.toMatch(OTHER_MARKS);

  const json = await (await request.get(`/api/v1/organizations/402273/plans/kama-2020`)).json();
  const plan = json.organizations?.[0]?.plans?.[0] ?? json.plan ?? json;
  expect(plan.progressRule).toBe("grades");
  expect(plan.progressSettings).toMatchObject({ a: 50, b: 0 });
  const labels = new Set<string>(plan.measures.flatMap((m: { statuses: { statusLabel: string }[] }) => m.statuses.map((s) => s.statusLabel)));
  expect(labels.has("S")).toBe(true);
  for (const l of labels) expect(l).not.toMatch(OTHER_MARKS);
  const founders = plan.measures.find((m: { name: string }) => m.name === "起業支援による創業者数");
  const latest = founders.statuses.at(-1);
  expect(latest.official).toMatchObject({ rating: "A", agrees: false, reason: "創業者の半数が市外へ転出したため一段下げる" });

  // the open-data statuses.csv: the plan's rule and its marks, and the official rating with its reason
  const csv = await request.get("/api/v1/organizations/402273/plans/kama-2020/statuses.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const [csvHeader, ...cells] = readCsv(new Uint8Array(await csv.body())).sheets[0].rows.map((r) => r.map((c) => (c.kind === "text" ? c.text : c.kind === "number" ? String(c.value) : "")));
  const rows = cells.map((r) => Object.fromEntries(csvHeader.map((h, i) => [h, r[i] ?? ""])));
  expect(rows.length).toBeGreaterThan(10);
  for (const r of rows) expect(r.progressRule).toBe("grades");
  const csvLabels = new Set(rows.map((r) => r.statusLabel));
  expect(csvLabels.has("S")).toBe(true);
  for (const l of csvLabels) expect(l).not.toMatch(OTHER_MARKS);
  for (const l of rows.map((r) => r.measureStatusLabel)) expect(l).not.toMatch(OTHER_MARKS);
  const founders2024 = rows.filter((r) => r.measureNumber === "1-1" && r.evaluationYear === "2024");
  expect(founders2024.length).toBeGreaterThan(0);
  for (const r of founders2024) {
    expect(r).toMatchObject({ measureStatusLabel: "S", officialRating: "A", officialAgrees: "false", officialReason: "創業者の半数が市外へ転出したため一段下げる" });
  }
});
