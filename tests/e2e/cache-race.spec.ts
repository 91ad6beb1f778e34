// Issue 16's race: under 16 concurrent readers an approved text was missing from the public KPI page for minutes,
// because a render that started before the approval's commit was stored after the invalidation and counted as
// fresh. Here 16 signed-out readers request a KPI page without pause while the officer submits and the admin
// approves a new text, several rounds in a row; every read that started after an approval had answered must
// show that approval's text (or a later one). The cache handler (lib/server/cache-handler.mjs) prevents it.
// For a render to be under way when the approval commits, a second admin sets another KPI's official rating at the
// same moment as each approval: another public write, which drops the cached pages just before or after the
// approval's. (A draft save would not: only writes the public sees invalidate the cache, lib/actions/action.ts.)
import { expect, test } from "@playwright/test";
import { signIn } from "../helpers/e2e";
import { submitAndApprove } from "../helpers/publish-round";

const NO30 = "/orgs/430005/plans/kumamoto-2020/measures/30"; // 益城町市街地部の人口回復率 (土木部): no other spec touches it
const NO31 = "/orgs/430005/plans/kumamoto-2020/measures/31"; // 熊本と阿蘇の交通量の回復状況 (土木部): only its official rating is set here
const READERS = 16;
const ROUNDS = 6;

type Read = { start: number; round: number; status: number };

test("16 concurrent readers never see an approved text missing once the approval has answered", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const nonce = Date.now().toString(36);
  const marker = new RegExp(`キャッシュ確認 第(\\d+)回 ${nonce}`);
  const officer = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  await signIn(officer, "doboku@demo.example");
  await signIn(admin, "admin@demo.example");
  const other = await (await browser.newContext()).newPage();
  await signIn(other, "admin@demo.example");

  // the page is served from the cache before the first round
  const url = `${baseURL}${NO30}`;
  await fetch(url);
  expect((await fetch(url)).headers.get("x-nextjs-cache")).toBe("HIT");

  const reads: Read[] = [];
  let reading = true;
  const reader = async () => {
    while (reading) {
      const start = Date.now();
      const res = await fetch(url);
      const body = await res.text();
      reads.push({ start, round: Number(body.match(marker)?.[1] ?? 0), status: res.status });
    }
  };
  const readers = Array.from({ length: READERS }, reader);
  const answered: number[] = []; // answered[r - 1]: when round r's approval had answered
  try {
    for (let r = 1; r <= ROUNDS; r++) {
      await submitAndApprove(officer, admin, NO30, `キャッシュ確認 第${r}回 ${nonce}`, {
        prepare: async () => {
          await other.goto(NO31);
          const form = other.getByRole("form", { name: "公式評価の設定" });
          const marks = (await form.getByLabel(/の公式評価$/).locator("option").allTextContents()).filter((o) => o !== "選んでください");
          await form.getByLabel(/の公式評価$/).selectOption(marks[r % marks.length]);
          await form.getByLabel("算出した判定と異なるときの理由").fill(`キャッシュ確認の評価 第${r}回 ${nonce}`);
        },
        run: async () => {
          const form = other.getByRole("form", { name: "公式評価の設定" });
          await form.getByRole("button", { name: "公式評価を保存" }).click();
          await expect(form.getByText(/公式評価を「.+」にしました/)).toBeVisible({ timeout: 20_000 });
        },
      });
      answered.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    reading = false;
    await Promise.all(readers);
  }

  expect(reads.every((r) => r.status === 200)).toBe(true);
  const expected = (start: number) => answered.filter((t) => t < start).length;
  const stale = reads.filter((r) => r.round < expected(r.start));
  const afterFirst = reads.filter((r) => r.start > answered[0]).length;
  console.log(`${reads.length} reads, ${afterFirst} after the first approval, ${stale.length} stale`);
  expect(afterFirst).toBeGreaterThan(ROUNDS * READERS);
  const shown = stale.slice(0, 5).map((r) => `read at +${r.start - answered[0]} ms showed round ${r.round}, expected ${expected(r.start)}`);
  expect(stale.length, `stale reads, the first: ${shown.join("; ")}`).toBe(0);
});
