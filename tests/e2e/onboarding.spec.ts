// Onboarding a new organisation as it happens: the operator adds it (CLI and /system), its first admin signs in
// with the printed initial password, sets up 部・課, a plan and its sections, and opens it to the public. The new
// admin cannot open 熊本県's set-up pages; an anonymous reader sees the plan only once it is 運用中.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { noAxeViolations, signIn } from "../helpers/e2e";

test.describe.configure({ mode: "serial" });
// each test runs the CLI (tsx start-up, argon2) and walks several pages
test.setTimeout(180_000);
const run = promisify(execFile);

async function cli(script: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", `ops/cli/${script}`, ...args], { env: { ...process.env, ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

async function signInWith(page: Page, email: string, password: string, landing: RegExp) {
  await page.goto("/signin");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "サインイン" }).click();
  await page.waitForURL(landing);
}

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const OPERATOR = { email: "ops@onboarding.example.jp", password: "operator-password-123" };

test("the operator adds an organisation at /system; others are refused", async ({ page, browser }) => {
  const created = await cli("create-operator.ts", ["--email", OPERATOR.email, "--name", "運用 太郎"], { ADMIN_PASSWORD: OPERATOR.password });
  expect(created.code, created.stderr).toBe(0);
  expect(created.stdout).toContain("運用管理者");

  // anonymous: sent to sign in
  const anon = await browser.newContext();
  const anonPage = await anon.newPage();
  await anonPage.goto("/system");
  await expect(anonPage).toHaveURL(/\/signin\?callbackUrl=%2Fsystem/);
  await anon.close();

  // an organisation's admin is not an operator
  const other = await browser.newContext();
  const adminPage = await other.newPage();
  await signIn(adminPage, "admin@demo.example");
  await expect(adminPage.getByRole("link", { name: "運用管理" })).toHaveCount(0);
  await adminPage.goto("/system");
  await expect(adminPage.getByRole("alert").filter({ hasText: "権限がありません" })).toBeVisible();
  await expect(adminPage.getByRole("table")).toHaveCount(0);
  await other.close();

  // the operator belongs to no organisation: sign-in lands on /system
  await signInWith(page, OPERATOR.email, OPERATOR.password, /\/system$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("運用管理");
  await expect(page.getByRole("link", { name: "運用管理" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "熊本県" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "嘉麻市" })).toBeVisible();
  await noAxeViolations(page);

  const form = page.getByRole("form", { name: "団体の追加" });
  await form.getByLabel("団体コード").fill("131017");
  await form.getByLabel("団体名").fill("千代田区");
  await form.getByLabel("最初の管理者のメールアドレス").fill("admin@chiyoda.example.jp");
  await form.getByRole("button", { name: "団体を追加" }).click();
  await expect(form.getByText("検査数字（6桁目）が正しくありません")).toBeVisible();
  await expect(form.getByLabel("団体コード")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("団体名")).toHaveValue("千代田区"); // what was typed is kept
  await noAxeViolations(page);

  await form.getByLabel("団体コード").fill("131016");
  await form.getByRole("button", { name: "団体を追加" }).click();
  await expect(form.getByRole("status")).toContainText("千代田区（131016）を登録しました");
  const password = (await page.getByTestId("initial-password").textContent())?.trim() ?? "";
  expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
  await expect(page.getByText("安全な方法")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "千代田区" })).toBeVisible();
  await noAxeViolations(page);
  await shoot(page, "system");

  // the e-mail of an existing account: refused, saying only that it is taken
  await form.getByLabel("団体コード").fill("131024");
  await form.getByLabel("団体名").fill("中央区");
  await form.getByLabel("最初の管理者のメールアドレス").fill("admin@demo.example");
  await form.getByRole("button", { name: "団体を追加" }).click();
  // only that it is taken: the errors name no organisation
  await expect(form.locator(".field-error")).toHaveText(["このメールアドレスは登録済みです"]);
  await expect(form.getByRole("alert")).toHaveText("入力内容を確認してください。");
});

test("a new municipality onboards: CLI, sign-in, 部・課, plan, section, 運用中; 熊本県 is refused", async ({ page, browser }) => {
  const bad = await cli("create-org.ts", ["--code", "402053", "--name", "飯塚市", "--kind", "municipality", "--admin-email", "admin@iizuka.example.jp"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("検査数字");

  const made = await cli("create-org.ts", ["--code", "402052", "--name", "飯塚市", "--kind", "municipality", "--admin-email", "admin@iizuka.example.jp", "--admin-name", "飯塚 企画"]);
  expect(made.code, made.stderr).toBe(0);
  const password = /初期パスワード: (\S+)/.exec(made.stdout)?.[1] ?? "";
  expect(password).toHaveLength(16);

  await signInWith(page, "admin@iizuka.example.jp", password, /\/work/);
  await page.getByRole("link", { name: "設定", exact: true }).click();
  await expect(page).toHaveURL(/\/orgs\/402052\/setup$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("飯塚市の設定");
  await noAxeViolations(page);

  // 部 and 課
  await page.getByRole("link", { name: "部局・課の設定" }).click();
  const addUnit = page.getByRole("form", { name: "部局・課の追加" });
  await addUnit.getByLabel("名称").fill("企画部");
  await addUnit.getByRole("button", { name: "追加" }).click();
  await expect(addUnit.getByRole("status")).toContainText("「企画部」を追加しました");
  await addUnit.getByLabel("名称").fill("企画調整課");
  await addUnit.getByLabel("所属する部局").selectOption({ label: "企画部" });
  await addUnit.getByRole("button", { name: "追加" }).click();
  await expect(addUnit.getByRole("status")).toContainText("「企画部 / 企画調整課」を追加しました");
  await addUnit.getByLabel("名称").fill("企画調整課");
  await addUnit.getByLabel("所属する部局").selectOption({ label: "企画部" });
  await addUnit.getByRole("button", { name: "追加" }).click();
  await expect(addUnit.getByText("「企画部 / 企画調整課」はすでにあります")).toBeVisible();
  await expect(page.locator(".unit-tree")).toContainText("企画調整課");
  await noAxeViolations(page);
  await shoot(page, "setup-units");

  // a plan, R7–R11
  await page.goto("/orgs/402052/setup");
  const newPlan = page.getByRole("form", { name: "計画の作成" });
  await newPlan.getByLabel("計画名").fill("飯塚市総合戦略");
  await newPlan.getByLabel("URL 名").fill("Iizuka 2025");
  await newPlan.getByLabel("開始年度").selectOption("2025");
  await newPlan.getByLabel("終了年度").selectOption("2029");
  await newPlan.getByRole("button", { name: "計画を作成" }).click();
  await expect(newPlan.getByText("半角英小文字・数字と「-」で入力してください")).toBeVisible();
  await expect(newPlan.getByLabel("計画名")).toHaveValue("飯塚市総合戦略");
  await newPlan.getByLabel("URL 名").fill("iizuka-2025");
  await newPlan.getByRole("button", { name: "計画を作成" }).click();
  await expect(newPlan.getByRole("status")).toContainText("計画を作成しました");
  await expect(page.getByRole("rowheader", { name: "飯塚市総合戦略" })).toBeVisible();
  await expect(page.getByRole("row", { name: /飯塚市総合戦略/ })).toContainText("準備中");
  await expect(page.getByRole("row", { name: /飯塚市総合戦略/ })).toContainText("令和7年度（2025）〜令和11年度（2029）");
  await shoot(page, "setup-home");

  // a section
  await page.getByRole("link", { name: "飯塚市総合戦略" }).click();
  await expect(page).toHaveURL(/\/orgs\/402052\/plans\/iizuka-2025\/setup$/);
  const addSection = page.getByRole("form", { name: "区分の追加" });
  await addSection.getByLabel("番号").fill("(1)");
  await addSection.getByLabel("名称").fill("しごとをつくる");
  await addSection.getByLabel("種類").selectOption("goal");
  await addSection.getByRole("button", { name: "区分を追加" }).click();
  await expect(addSection.getByRole("status")).toContainText("区分を追加しました");
  await expect(page.locator(".section-tree")).toContainText("(1) しごとをつくる");
  await expect(page.getByRole("link", { name: "指標の一覧・編集" })).toHaveAttribute("href", "/orgs/402052/plans/iizuka-2025/setup/measures");
  await noAxeViolations(page);
  await shoot(page, "plan-setup");

  // while 準備中, the public sees nothing of it
  const anon = await browser.newContext();
  const reader = await anon.newPage();
  expect((await reader.goto("/orgs/402052/plans/iizuka-2025"))?.status()).toBe(404);
  await reader.goto("/orgs?q=402052");
  await expect(reader.getByRole("rowheader", { name: "飯塚市" })).toBeVisible();
  await expect(reader.getByRole("link", { name: "飯塚市総合戦略" })).toHaveCount(0);
  expect((await reader.request.get("/api/v1/organizations/402052/plans/iizuka-2025")).status()).toBe(404);

  // a KPI, through the KPI editor (built alongside), if it is there
  const editor = await page.goto("/orgs/402052/plans/iizuka-2025/setup/measures/new");
  if (editor?.status() === 200 && (await page.getByLabel("指標名").count()) > 0) {
    await page.getByLabel("No", { exact: true }).fill("1");
    await page.getByLabel("指標名").fill("新規創業者数");
    const owner = page.getByLabel("担当（部・課）");
    const value = await owner.locator("option", { hasText: "企画調整課" }).first().getAttribute("value");
    await owner.selectOption(value!);
    await page.getByRole("button", { name: "指標を追加する" }).click();
    await expect(page.getByText("指標を追加しました")).toBeVisible();
  }

  // open it: 運用中
  await page.goto("/orgs/402052/plans/iizuka-2025/setup");
  await page.getByRole("button", { name: "運用を開始する（公開）" }).click();
  await expect(page.getByRole("status").filter({ hasText: "状態を「運用中」にしました" })).toBeVisible();
  await expect(page.locator(".measure-meta")).toContainText("運用中");

  expect((await reader.goto("/orgs/402052/plans/iizuka-2025"))?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toContainText("飯塚市総合戦略");
  await reader.goto("/orgs?q=402052");
  await expect(reader.getByRole("link", { name: "飯塚市総合戦略" })).toBeVisible();
  await anon.close();

  // 熊本県's set-up pages: refused, showing none of its data
  for (const path of ["/orgs/430005/setup", "/orgs/430005/setup/units", "/orgs/430005/plans/kumamoto-2024/setup"]) {
    await page.goto(path);
    await expect(page.getByRole("alert").filter({ hasText: "権限がありません" }), path).toBeVisible();
    await expect(page.locator("main")).not.toContainText("商工労働部");
    await expect(page.getByRole("form")).toHaveCount(0);
  }
});
