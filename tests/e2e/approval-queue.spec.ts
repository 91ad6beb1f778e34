// The yearly approval round as its users do it, on 教育庁's KPIs of kumamoto-2020 only (No 34; No 10 and 33 are
// this spec's too): a 教育庁 officer (created here) submits a changed value and narrative; the planning division
// finds it at the top of the approval queue, sees old → new and the narrative diff, returns it (an empty reason is
// refused beside the field); the officer resubmits; the admin approves; the KPI's history shows the value change;
// the audit log speaks Japanese. An officer and a committee member are refused the queue and the review screen.
import { expect, test, type Page } from "@playwright/test";
import { createPrismaClient } from "../../lib/db";
import { hashPassword } from "../../lib/auth/passwords";
import { DEMO_PASSWORD, noAxeViolations, signIn } from "../helpers/e2e";

test.describe.configure({ mode: "serial", timeout: 120_000 });

const PLAN = "/orgs/430005/plans/kumamoto-2020";
const NO34 = `${PLAN}/measures/34`;
const QUEUE = `${PLAN}/queue`;
const OFFICER = "kyoiku-queue@example.jp";
const ADDED = "【令和5年度追記】英語教育推進リーダーの授業公開を県内全域に広げた。";
const REASON = "中３の値の出典（調査名）を取組状況に書き添えてください。";

test.beforeAll(async () => {
  // a 教育庁 officer of this spec's own (the demo accounts have none), through the app's own password hashing
  const prisma = createPrismaClient(process.env.DATABASE_URL!);
  try {
    const org = await prisma.organization.findUniqueOrThrow({ where: { code: "430005" } });
    const unit = await prisma.orgUnit.findFirstOrThrow({ where: { organizationId: org.id, path: "教育庁" } });
    if (!(await prisma.user.findUnique({ where: { email: OFFICER } }))) {
      await prisma.user.create({
        data: { email: OFFICER, name: "教育 三郎（教育庁）", passwordHash: await hashPassword(DEMO_PASSWORD), memberships: { create: { organizationId: org.id, role: "officer", units: { create: [{ unitId: unit.id }] } } } },
      });
    }
  } finally {
    await prisma.$disconnect();
  }
});

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function officerSubmits(page: Page, value: string | null, effort: (current: string) => string) {
  await page.goto(`${NO34}/edit`);
  if (value !== null) await page.getByRole("group", { name: /実績値/ }).getByLabel(/累計（中３）/).fill(value);
  const box = page.getByRole("textbox", { name: /^取組状況/ });
  await box.fill(effort(await box.inputValue()));
  await page.getByRole("button", { name: "提出する" }).click();
  await expect(page.getByText(/提出しました。|提出済みです。/).first()).toBeVisible();
}

test("the officer submits a changed value and narrative", async ({ page }) => {
  await signIn(page, OFFICER);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("更新するシート");
  await expect(page.getByRole("rowheader", { name: /生徒の英語力/ })).toBeVisible();
  await officerSubmits(page, "38.9", (current) => `${current}\n${ADDED}`);
});

test("the admin finds the submitted sheet at the top of the queue, reviews the changes and returns it with a reason", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.goto("/admin");
  await page.getByRole("link", { name: /承認キュー：第2期 熊本県/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("承認キュー");
  await expect(page.getByRole("list", { name: "状態ごとのシート数" })).toContainText("提出済");
  // submitted sheets come first: every row above No 34's is a submitted one too (other specs may have theirs)
  const rows = page.getByRole("table", { name: /シートの一覧/ }).locator("tbody tr");
  const texts = await rows.allInnerTexts();
  const at = texts.findIndex((t) => t.includes("生徒の英語力"));
  expect(at).toBeGreaterThanOrEqual(0);
  expect(texts.slice(0, at + 1).every((t) => t.startsWith("提出済"))).toBe(true);
  await noAxeViolations(page);
  await shoot(page, "queue");

  // the filters: 教育庁 only, then a state with nothing of theirs
  await page.getByLabel("担当部局").selectOption({ label: "教育庁" });
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/department=/);
  await expect(rows.filter({ hasText: "生徒の英語力" })).toContainText("提出済");
  expect((await rows.allInnerTexts()).every((t) => t.includes("教育庁"))).toBe(true);

  await rows.filter({ hasText: "生徒の英語力" }).getByRole("link", { name: /確認する：生徒の英語力/ }).click();
  await expect(page).toHaveURL(/\/measures\/34\/approval/);
  const values = page.getByRole("table", { name: /公開中の値 → 提出された値/ });
  await expect(values.getByRole("row", { name: /累計（中３）/ })).toContainText("36.4%");
  await expect(values.getByRole("row", { name: /累計（中３）/ })).toContainText("38.9%");
  await expect(values.getByRole("row", { name: /累計（高３）/ })).toHaveCount(0); // unchanged: not listed
  await expect(page.locator("ins", { hasText: "英語教育推進リーダーの授業公開" })).toBeVisible();
  await expect(page.getByText(/教育 三郎（教育庁）、/)).toBeVisible();
  await noAxeViolations(page);
  await shoot(page, "review");

  // an empty reason is refused beside the field, and focus goes there
  await page.getByRole("button", { name: "差し戻す" }).click();
  const reason = page.getByLabel("差し戻しの理由（必須）");
  await expect(page.locator("#return-reason-error")).toHaveText(/差し戻しの理由を入力してください/);
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toBeFocused();
  await noAxeViolations(page);
  await reason.fill(REASON);
  await page.getByRole("button", { name: "差し戻す" }).click();
  await expect(page.getByRole("status").filter({ hasText: "No 34 のシートを差し戻しました。" })).toBeVisible();
  await expect(page.getByRole("table", { name: /シートの一覧/ }).getByRole("row", { name: /生徒の英語力/ })).toContainText(REASON);
});

test("the officer sees the reason and resubmits; the admin approves; the history shows the value change", async ({ page, browser }) => {
  await signIn(page, OFFICER);
  await expect(page.getByRole("row", { name: /生徒の英語力/ })).toContainText(REASON);
  await officerSubmits(page, null, (current) => `${current}（出典：英語教育実施状況調査）`);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@demo.example");
  await admin.goto("/work");
  await admin.getByRole("region", { name: /第2期 熊本県まち・ひと・しごと創生総合戦略/ }).getByRole("link", { name: /承認キューを開く/ }).click();
  await admin.getByRole("link", { name: /確認する：生徒の英語力/ }).click();
  await expect(admin.locator("ins", { hasText: "出典：英語教育実施状況調査" })).toBeVisible();
  await admin.getByRole("button", { name: "承認して公開する" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "No 34 のシートを承認し、公開しました。" })).toBeVisible();

  // the public history of No 34: the approval, the value old → new with its unit and year, the narrative diff
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(NO34);
  const history = reader.getByRole("region", { name: "変更履歴" });
  await expect(history).toContainText("シートを承認・公開");
  await expect(history.getByRole("list", { name: "値の変更" }).first()).toContainText("累計（中３）・令和5年度（2023）：36.4% → 38.9%");
  await expect(history.locator("ins", { hasText: "英語教育推進リーダーの授業公開" }).first()).toBeVisible();
  await shoot(reader, "history");

  // the audit log: phrases, the KPI's No and name with a link, no raw codes or ids
  await admin.goto("/admin/audit");
  const log = admin.getByRole("table", { name: /監査ログ/ });
  await expect(log.getByRole("row").nth(1)).toContainText("シートを承認・公開");
  await expect(log.getByRole("link", { name: /No 34 生徒の英語力/ }).first()).toBeVisible();
  await expect(log).toContainText("シートを差し戻し");
  await expect(log).toContainText(REASON);
  const printed = await log.innerText();
  expect(printed).not.toMatch(/\b(sheet|measure|evaluation|user|plan)\.[a-zA-Z]+\b|SheetEntry|\bc[a-z0-9]{24}\b/);
  await admin.getByLabel("操作").selectOption({ label: "シートを差し戻し" });
  await admin.getByRole("button", { name: "絞り込む" }).click();
  await expect(log.getByRole("row").nth(1)).toContainText("シートを差し戻し");
  await noAxeViolations(admin);
  await shoot(admin, "audit");
  await admin.goto("/admin");
  const recent = admin.getByRole("table", { name: "最近の変更" });
  await expect(recent).toContainText("シートを承認・公開");
  expect(await recent.innerText()).not.toMatch(/\bsheet\.[a-zA-Z]+\b|SheetEntry/);
  await admin.close();
  await reader.close();
});

test("an officer and a committee member are refused the queue, the review screen and the audit log", async ({ page }) => {
  for (const email of [OFFICER, "iin@demo.example"]) {
    await page.context().clearCookies();
    await page.goto("/signin");
    await page.getByLabel("メールアドレス").fill(email);
    await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "サインイン" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
    await page.goto(QUEUE);
    await expect(page.getByRole("alert").filter({ hasText: "企画担当（管理者）だけが見られます" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await page.goto(`${NO34}/approval`);
    await expect(page.getByRole("alert").filter({ hasText: "企画担当（管理者）だけが見られます" })).toBeVisible();
    await expect(page.getByRole("button", { name: "承認して公開する" })).toHaveCount(0);
    await page.goto("/admin/audit");
    await expect(page.getByRole("alert").filter({ hasText: "企画担当（管理者）だけが見られます" })).toBeVisible();
  }
  await noAxeViolations(page);
});
