// Hostile input at every server action (property-based, fast-check), through the real server as a browser posts
// them: every action of the build (its server-reference manifest) is called with the React reply encoding that
// forms use — (previous state, FormData) — by a signed-in admin and a signed-in officer, with fields drawn from the
// names our forms use and hostile values (NUL bytes, enormous numbers and years, impossible dates, ids of nothing,
// odd Unicode, files that are not workbooks). No answer may be a 500, and nothing may be written: the audit log
// (every write audits in its own transaction) and the rows writes touch keep their counts.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import pg from "pg";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { signIn } from "../helpers/e2e";

type ManifestEntry = { workers: Record<string, unknown>; exportedName?: string; filename?: string };
const manifest = JSON.parse(readFileSync(path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };

// actions that take no input worth the name and change only the caller's own view or session
const NO_INPUT = new Set(["signOutAction", "markAllRead", "saveNotificationSettings", "startTwoFactorAction"]);
const SAMPLE: Record<string, string> = { code: "430005", slug: "kumamoto-2020", no: "15", unitId: "x", view: "default" };

const actions = Object.entries(manifest.node)
  .filter(([, e]) => !NO_INPUT.has(e.exportedName ?? ""))
  .map(([id, e]) => {
    const worker = Object.keys(e.workers).find((w) => !w.includes("/anonymous/") && w.startsWith("app/")) ?? Object.keys(e.workers)[0];
    const page = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\[(\w+)\]/g, (_, p: string) => SAMPLE[p] ?? "x") || "/";
    return { id, name: `${e.filename}#${e.exportedName}`, page };
  });

const FIELDS = ["planId", "organizationId", "name", "evaluationYear", "reason", "measureId", "parentId", "intent", "unitId", "status", "number", "direction", "year", "userId", "startYear", "slug", "sectionId", "password", "kind", "fiscalYear", "endYear", "deadline", "version", "unitIds", "title", "target", "role", "retired", "label", "email", "description", "department", "code", "body", "tokenId", "reviewed", "reminderDays", "rating", "published", "notes", "newPassword", "measureNumber", "extensionId", "expected", "division", "disabled", "days", "currentPassword", "currentNumber", "confirmPastDeadline", "confirmPassword", "commentId", "adminName", "adminEmail", "effortStatus", "issues", "definition", "id"];
const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("\u0000", "a\u0000b", "9".repeat(400), "-1", "0", "1e309", "NaN", "2147483648", "99999999999999999999.999999999", "１２３", "2024-02-30", "0000-00-00", "9999-99-99", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "{\"a\":", "[]", "$K1", "$@0", "cm0000000000000000000000", "430005", "kumamoto-2020", "15", "2023", "open", "admin", "on", "true"),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

async function signedIn(browser: Browser, email: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return context.request;
}

async function counts() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const tables = ["AuditLog", "SheetEntry", "SheetEntryValue", "Measure", "SeriesValue", "EvaluationYear", "User", "Membership", "Plan", "OrgUnit", "CommitteeComment", "OfficialRating", "ApiToken", "DeadlineExtension", "Organization"];
    const row = (await client.query(`select ${tables.map((t) => `(select count(*) from "${t}")::int as "${t}"`).join(", ")}`)).rows[0];
    return row as Record<string, number>;
  } finally {
    await client.end();
  }
}

async function auditSince(count: number) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(`select action, after from "AuditLog" order by "createdAt" offset $1`, [count])).rows;
  } finally {
    await client.end();
  }
}

test("no server action answers 500 to hostile input, and none writes anything", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  expect(actions.length).toBeGreaterThanOrEqual(30);
  const users = [await signedIn(browser, "admin@demo.example"), await signedIn(browser, "doboku@demo.example")];
  const before = await counts();
  const failures: string[] = [];
  let reached = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...actions),
      fc.constantFrom(0, 1),
      fc.dictionary(fc.constantFrom(...FIELDS), hostile, { maxKeys: 8 }),
      fc.option(fc.uint8Array({ maxLength: 64 }), { nil: undefined }),
      // the arguments as a form sends them, with bound values first (some actions take code and slug), or forged
      fc.constantFrom<unknown[]>([{ status: "idle" }, "$K1"], ["430005", "kumamoto-2020", { status: "idle" }, "$K1"], [], ["$K1"], [null, null, null, null]),
      async (action, who, fields, file, args) => {
        const form = new FormData();
        form.append("0", JSON.stringify(args));
        for (const [k, v] of Object.entries(fields)) form.append(`1_${k}`, v);
        if (file) form.append("1_file", new Blob([file], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), "hostile.xlsx");
        const response = await users[who].fetch(action.page, {
          method: "POST",
          headers: { "Next-Action": action.id, Accept: "text/x-component", Origin: baseURL! },
          multipart: form,
          maxRedirects: 0,
        });
        // an action that ran answers 200 with its result (or 303 when it redirects); 404 would mean "no such action"
        if (response.status() === 200 || response.status() === 303) reached++;
        if (response.status() >= 500) failures.push(`${response.status()} ${action.name} as ${who ? "officer" : "admin"} ${JSON.stringify(fields)} → ${(await response.text()).slice(0, 200)}`);
        expect(response.status(), failures.at(-1)).toBeLessThan(500);
      },
    ),
    { numRuns: 250, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
  );
  expect(failures).toEqual([]);
  expect(reached, "the calls reach the actions (not refused before them)").toBeGreaterThan(200);
  expect(await counts(), `written: ${JSON.stringify(await auditSince(before.AuditLog))}`).toEqual(before);
});
