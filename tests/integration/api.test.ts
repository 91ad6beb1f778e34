// The token API end to end, calling the route handlers as Next does: the whole yearly cycle with personal tokens
// (admin sets up a KPI of kumamoto-2024 and opens 2024, the 土木部 officer enters and submits R6, the admin
// approves, the public JSON shows the value), and every refusal: 400, 401, 403, 404, 409, 413, 422 as problems.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/permissions";
import { ensureDemoAccounts } from "../../lib/demo/demo-accounts";
import { createApiToken, revokeApiToken } from "../../lib/tokens/mutations";
import { useTestDatabase } from "../helpers/database-per-file";
import * as meRoute from "../../app/api/v1/me/route";
import * as openapiRoute from "../../app/api/v1/openapi.json/route";
import * as measuresRoute from "../../app/api/v1/organizations/[code]/plans/[slug]/measures/route";
import * as measureRoute from "../../app/api/v1/organizations/[code]/plans/[slug]/measures/[no]/route";
import * as yearRoute from "../../app/api/v1/organizations/[code]/plans/[slug]/evaluation-years/[fiscalYear]/route";
import * as entryRoute from "../../app/api/v1/organizations/[code]/plans/[slug]/measures/[no]/entries/[fiscalYear]/route";
import * as submitRoute from "../../app/api/v1/organizations/[code]/plans/[slug]/measures/[no]/entries/[fiscalYear]/submit/route";
import * as approveRoute from "../../app/api/v1/organizations/[code]/plans/[slug]/measures/[no]/entries/[fiscalYear]/approve/route";
import * as returnRoute from "../../app/api/v1/organizations/[code]/plans/[slug]/measures/[no]/entries/[fiscalYear]/return/route";
import * as publicPlanRoute from "../../app/api/v1/organizations/[code]/plans/[slug]/route";

const database = useTestDatabase("seeded");
const tokens: Record<string, string> = {};
const users: Record<string, string> = {};

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Call = { token?: string | null; body?: unknown; raw?: string; params?: Record<string, string>; headers?: Record<string, string> };

async function call(handler: Handler, method: string, path: string, options: Call = {}) {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set("Content-Type", "application/json");
  const response = await handler(new Request(`http://localhost${path}`, { method, headers, body }), { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}

const K = { code: "430005", slug: "kumamoto-2024" };
const BASE = "/api/v1/organizations/430005/plans/kumamoto-2024";
const NO = "4-1"; // 球磨川水系河川整備率, to be owned by 土木部
const entry = (no = NO) => ({ ...K, no, fiscalYear: "2024" });

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  (globalThis as { kpiPrisma?: unknown }).kpiPrisma = undefined; // lib/db's client: this file's database
  const p = database.prisma;
  await ensureDemoAccounts(p);
  for (const u of await p.user.findMany({ select: { id: true, email: true } })) users[u.email.split("@")[0]] = u.id;
  const make = async (who: string, name: string, days: number | null = 30) => (await createApiToken(p, { id: users[who], memberships: [], via: days === null ? { channel: "cli" } : undefined }, { name, days })).token;
  tokens.admin = await make("admin", "企画 連携テスト");
  tokens.doboku = await make("doboku", "土木部 RPA");
  tokens.shoko = await make("shoko", "商工 RPA");
  tokens.viewer = await make("viewer", "閲覧");
  tokens.kama = await make("kama-admin", "嘉麻市 連携");
  tokens.revoked = await make("doboku", "失効させる");
  const revoked = await p.apiToken.findFirstOrThrow({ where: { name: "失効させる" } });
  await revokeApiToken(p, { id: users.doboku, memberships: [] }, { tokenId: revoked.id });
  tokens.expired = await make("doboku", "期限切れ");
  await p.apiToken.updateMany({ where: { name: "期限切れ" }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const kumamoto = await p.organization.findUniqueOrThrow({ where: { code: "430005" } });
  const disabled = await p.user.create({ data: { email: "gone@example.jp", name: "無効な利用者", memberships: { create: { organizationId: kumamoto.id, role: "admin" } } } });
  users.gone = disabled.id;
  tokens.disabled = await make("gone", "無効な利用者のトークン");
  await p.user.update({ where: { id: disabled.id }, data: { disabled: true } });
});

afterAll(async () => {
  const g = globalThis as { kpiPrisma?: { $disconnect(): Promise<void> } };
  await g.kpiPrisma?.$disconnect();
  g.kpiPrisma = undefined;
});

function expectProblem(r: Awaited<ReturnType<typeof call>>, status: number, code?: string) {
  expect(r.status).toBe(status);
  expect(r.headers.get("content-type")).toContain("application/problem+json");
  expect(r.json).toMatchObject({ type: "about:blank", status });
  expect(typeof r.json.title).toBe("string");
  expect(typeof r.json.detail).toBe("string");
  expect(JSON.stringify(r.json)).not.toMatch(/at \w+ \(|node_modules|Error:/);
  if (code) expect(r.json.code).toBe(code);
}

describe("authentication", () => {
  it("refuses a missing, wrong, revoked or expired token and a disabled user's token with 401 + WWW-Authenticate", async () => {
    for (const token of [null, "kpi_" + "A".repeat(43), "not-a-token", tokens.revoked, tokens.expired, tokens.disabled]) {
      const r = await call(meRoute.GET as Handler, "GET", "/api/v1/me", { token });
      expectProblem(r, 401, "unauthenticated");
      expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  it("GET /me names the user, their roles with units per organisation, and the token; lastUsedAt is recorded", async () => {
    const r = await call(meRoute.GET as Handler, "GET", "/api/v1/me", { token: tokens.doboku });
    expect(r.status).toBe(200);
    expect(r.json.user).toMatchObject({ email: "doboku@demo.example" });
    expect(r.json.memberships).toEqual([{ organization: { code: "430005", name: "熊本県" }, role: "officer", units: ["土木部"] }]);
    expect(r.json.token).toMatchObject({ name: "土木部 RPA", prefix: tokens.doboku.slice(0, 12) });
    expect(Date.parse(r.json.token.expiresAt)).toBeGreaterThan(Date.now());
    const row = await database.prisma.apiToken.findFirstOrThrow({ where: { name: "土木部 RPA" } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.tokenHash).not.toContain(tokens.doboku);
  });
});

describe("the yearly cycle through the API", () => {
  it("admin sets up No 4-1: owner 土木部, a series with baseline and target (PATCH)", async () => {
    const r = await call(measureRoute.PATCH as Handler, "PATCH", `${BASE}/measures/${NO}`, {
      token: tokens.admin,
      params: { ...K, no: NO },
      body: { owners: [{ department: "土木部", division: null }], series: [{ label: "単年", unit: "%", baseline: { year: 2023, value: 50.1 }, target: { kind: "number", direction: "higher", year: 2027, value: "60" } }] },
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ number: NO, name: "球磨川水系河川整備率", owners: [{ department: "土木部", division: null }], retired: false });
    expect(r.json.series[0]).toMatchObject({ label: "単年", unit: "%", baseline: { year: 2023, value: 50.1, text: "50.1" }, target: { kind: "number", direction: "higher", year: 2027, value: 60, text: "60" } });
    const audit = await database.prisma.auditLog.findFirstOrThrow({ where: { action: "measure.update" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ channel: "api", apiTokenName: "企画 連携テスト", userId: users.admin });
  });

  it("a changed target of the active plan needs a reason: 422 at /reason, then saved with it", async () => {
    const patch = { series: [{ label: "単年", unit: "%", baseline: { year: 2023, value: 50.1 }, target: { kind: "number", direction: "higher", year: 2027, value: 65 } }] };
    const refused = await call(measureRoute.PATCH as Handler, "PATCH", `${BASE}/measures/${NO}`, { token: tokens.admin, params: { ...K, no: NO }, body: patch });
    expectProblem(refused, 422, "invalid");
    expect(refused.json.errors).toEqual([{ pointer: "/reason", detail: expect.stringContaining("理由") }]);
    const ok = await call(measureRoute.PATCH as Handler, "PATCH", `${BASE}/measures/${NO}`, { token: tokens.admin, params: { ...K, no: NO }, body: { ...patch, reason: "国の計画見直しに合わせる" } });
    expect(ok.status).toBe(200);
    expect(ok.json.series[0].target.value).toBe(65);
    const audit = await database.prisma.auditLog.findFirstOrThrow({ where: { action: "measure.update" }, orderBy: { createdAt: "desc" } });
    expect(audit.reason).toBe("国の計画見直しに合わせる");
  });

  it("GET lists and reads definitions; an unknown No is 404", async () => {
    const list = await call(measuresRoute.GET as Handler, "GET", `${BASE}/measures`, { token: tokens.viewer, params: K });
    expect(list.status).toBe(200);
    expect(list.json.measures.map((m: { number: string }) => m.number)).toContain(NO);
    const one = await call(measureRoute.GET as Handler, "GET", `${BASE}/measures/${NO}`, { token: tokens.doboku, params: { ...K, no: NO } });
    expect(one.json.series[0].baseline.value).toBe(50.1);
    expectProblem(await call(measureRoute.GET as Handler, "GET", `${BASE}/measures/99`, { token: tokens.admin, params: { ...K, no: "99" } }), 404, "not_found");
    expectProblem(await call(entryRoute.GET as Handler, "GET", `${BASE}/measures/99/entries/2024`, { token: tokens.admin, params: entry("99") }), 404);
  });

  it("the admin opens 2024 (PUT evaluation-years); an officer may not", async () => {
    const refused = await call(yearRoute.PUT as Handler, "PUT", `${BASE}/evaluation-years/2024`, { token: tokens.doboku, params: { ...K, fiscalYear: "2024" }, body: { status: "open", deadline: null } });
    expectProblem(refused, 403, "forbidden");
    const bad = await call(yearRoute.PUT as Handler, "PUT", `${BASE}/evaluation-years/2024`, { token: tokens.admin, params: { ...K, fiscalYear: "2024" }, body: { status: "ajar", deadline: "30/06/2025" } });
    expectProblem(bad, 422, "invalid");
    expect(bad.json.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(["/deadline", "/status"]);
    // a deadline already past opens only with an explicit confirmation (it would refuse every submission)
    const past = await call(yearRoute.PUT as Handler, "PUT", `${BASE}/evaluation-years/2024`, { token: tokens.admin, params: { ...K, fiscalYear: "2024" }, body: { status: "open", deadline: "2025-06-30" } });
    expectProblem(past, 422, "invalid");
    expect(past.json.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/confirmPastDeadline"]);
    const ok = await call(yearRoute.PUT as Handler, "PUT", `${BASE}/evaluation-years/2024`, { token: tokens.admin, params: { ...K, fiscalYear: "2024" }, body: { status: "open", deadline: "2099-06-30" } });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ fiscalYear: 2024, status: "open", deadline: "2099-06-30" });
    const audit = await database.prisma.auditLog.findFirstOrThrow({ where: { action: "evaluation.open" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ channel: "api", apiTokenName: "企画 連携テスト" });
  });

  it("the 土木部 officer saves the R6 draft by series label; stale versions, bad values and bodies are refused", async () => {
    const empty = await call(entryRoute.GET as Handler, "GET", `${BASE}/measures/${NO}/entries/2024`, { token: tokens.doboku, params: entry() });
    expect(empty.json).toMatchObject({ version: 0, state: "none", draft: true, values: { 単年: null } });

    const saved = await call(entryRoute.PUT as Handler, "PUT", `${BASE}/measures/${NO}/entries/2024`, { token: tokens.doboku, params: entry(), body: { version: 0, values: { 単年: "５２．３％" }, effortStatus: "河道掘削を進めた。" } });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ version: 1, state: "draft", values: { 単年: "52.3" }, effortStatus: "河道掘削を進めた。", issues: null });

    const stale = await call(entryRoute.PUT as Handler, "PUT", `${BASE}/measures/${NO}/entries/2024`, { token: tokens.doboku, params: entry(), body: { version: 0, values: { 単年: "99" } } });
    expectProblem(stale, 409, "conflict");
    expect(stale.json.current).toMatchObject({ version: 1, values: { 単年: "52.3" }, effortStatus: "河道掘削を進めた。" });

    const badValue = await call(entryRoute.PUT as Handler, "PUT", `${BASE}/measures/${NO}/entries/2024`, { token: tokens.doboku, params: entry(), body: { version: 1, values: { 単年: "あいう", 累計: "1" } } });
    expectProblem(badValue, 422, "invalid");
    expect(badValue.json.errors).toEqual([{ pointer: "/values/累計", detail: expect.stringContaining("区分「累計」はありません") }]);
    const badValue2 = await call(entryRoute.PUT as Handler, "PUT", `${BASE}/measures/${NO}/entries/2024`, { token: tokens.doboku, params: entry(), body: { version: 1, values: { 単年: "あいう" } } });
    expect(badValue2.json.errors).toEqual([{ pointer: "/values/単年", detail: expect.stringContaining("数値") }]);
    const badBody = await call(entryRoute.PUT as Handler, "PUT", `${BASE}/measures/${NO}/entries/2024`, { token: tokens.doboku, params: entry(), body: { version: "one", issues: 5 } });
    expectProblem(badBody, 422);
    expect(badBody.json.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(["/issues", "/version"]);
    expectProblem(await call(entryRoute.PUT as Handler, "PUT", `${BASE}/measures/${NO}/entries/2024`, { token: tokens.doboku, params: entry(), body: [1, 2] }), 422);

    expectProblem(await call(entryRoute.PUT as Handler, "PUT", `${BASE}/measures/${NO}/entries/2024`, { token: tokens.doboku, params: entry(), raw: '{"version": 1,' }), 400, "bad_request");
    expectProblem(await call(entryRoute.PUT as Handler, "PUT", `${BASE}/measures/${NO}/entries/2024`, { token: tokens.doboku, params: entry(), raw: "" }), 400, "bad_request");
    expectProblem(await call(entryRoute.PUT as Handler, "PUT", `${BASE}/measures/${NO}/entries/2024`, { token: tokens.doboku, params: entry(), raw: JSON.stringify({ version: 1, effortStatus: "あ".repeat(600_000) }) }), 413, "too_large");
    expectProblem(await call(entryRoute.GET as Handler, "GET", `${BASE}/measures/${NO}/entries/R6`, { token: tokens.doboku, params: { ...entry(), fiscalYear: "R6" } }), 400, "bad_request");

    // nothing of the refused requests was saved
    const after = await call(entryRoute.GET as Handler, "GET", `${BASE}/measures/${NO}/entries/2024`, { token: tokens.doboku, params: entry() });
    expect(after.json).toMatchObject({ version: 1, values: { 単年: "52.3" } });
  });

  it("the 商工労働部 officer may not touch 土木部's KPI (403) and sees only the published sheet", async () => {
    const r = await call(entryRoute.PUT as Handler, "PUT", `${BASE}/measures/${NO}/entries/2024`, { token: tokens.shoko, params: entry(), body: { version: 1, values: { 単年: "1" } } });
    expectProblem(r, 403, "forbidden");
    expectProblem(await call(submitRoute.POST as Handler, "POST", `${BASE}/measures/${NO}/entries/2024/submit`, { token: tokens.shoko, params: entry(), body: { version: 1 } }), 403);
    const seen = await call(entryRoute.GET as Handler, "GET", `${BASE}/measures/${NO}/entries/2024`, { token: tokens.shoko, params: entry() });
    expect(seen.json).toMatchObject({ draft: false, state: "none", values: { 単年: null }, effortStatus: null });
  });

  it("the officer submits, the admin cannot approve a stale version, then approves; the public JSON shows the value", async () => {
    const submitted = await call(submitRoute.POST as Handler, "POST", `${BASE}/measures/${NO}/entries/2024/submit`, { token: tokens.doboku, params: entry(), body: { version: 1 } });
    expect(submitted.status).toBe(200);
    expect(submitted.json).toMatchObject({ state: "submitted", version: 2, values: { 単年: "52.3" }, effortStatus: "河道掘削を進めた。" });
    expectProblem(await call(entryRoute.PUT as Handler, "PUT", `${BASE}/measures/${NO}/entries/2024`, { token: tokens.doboku, params: entry(), body: { version: 2, values: { 単年: "1" } } }), 409, "state");
    expectProblem(await call(submitRoute.POST as Handler, "POST", `${BASE}/measures/${NO}/entries/2024/submit`, { token: tokens.doboku, params: entry(), body: {} }), 422);
    expectProblem(await call(approveRoute.POST as Handler, "POST", `${BASE}/measures/${NO}/entries/2024/approve`, { token: tokens.doboku, params: entry(), body: { version: 2 } }), 403, "forbidden");
    const stale = await call(approveRoute.POST as Handler, "POST", `${BASE}/measures/${NO}/entries/2024/approve`, { token: tokens.admin, params: entry(), body: { version: 1 } });
    expectProblem(stale, 409, "conflict");
    expect(stale.json.current).toMatchObject({ version: 2, state: "submitted" });

    const approved = await call(approveRoute.POST as Handler, "POST", `${BASE}/measures/${NO}/entries/2024/approve`, { token: tokens.admin, params: entry(), body: { version: 2 } });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ state: "published", version: 3, values: { 単年: "52.3" } });

    const published = await call(publicPlanRoute.GET as Handler, "GET", "/api/v1/organizations/430005/plans/kumamoto-2024", { params: K });
    const m = published.json.organizations[0].plans[0].measures.find((x: { number: string }) => x.number === NO);
    expect(m.series[0].actuals).toEqual([expect.objectContaining({ fiscalYear: 2024, value: 52.3, text: "52.3" })]);
    expect(m.owners).toEqual([{ department: "土木部", division: null }]);

    const value = await database.prisma.seriesValue.findFirstOrThrow({ where: { kind: "actual", fiscalYear: 2024, series: { measure: { number: NO, plan: { slug: "kumamoto-2024" } } } } });
    expect(value).toMatchObject({ enteredById: users.doboku, enteredVia: "api" });
    const sheet = await database.prisma.sheetEntry.findFirstOrThrow({ where: { evaluationYear: 2024, measure: { number: NO, plan: { slug: "kumamoto-2024" } } } });
    expect(sheet.updatedVia).toBe("api");
    const audits = await database.prisma.auditLog.findMany({ where: { entityId: sheet.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => [a.action, a.channel, a.apiTokenName])).toEqual([
      ["sheet.saveDraft", "api", "土木部 RPA"],
      ["sheet.submit", "api", "土木部 RPA"],
      ["sheet.approve", "api", "企画 連携テスト"],
    ]);
  });

  it("returning needs a reason (422 at /reason) and a submitted sheet (409)", async () => {
    const noReason = await call(returnRoute.POST as Handler, "POST", `${BASE}/measures/${NO}/entries/2024/return`, { token: tokens.admin, params: entry(), body: { version: 3 } });
    expectProblem(noReason, 422);
    expect(noReason.json.errors[0].pointer).toBe("/reason");
    expectProblem(await call(returnRoute.POST as Handler, "POST", `${BASE}/measures/${NO}/entries/2024/return`, { token: tokens.admin, params: entry(), body: { version: 3, reason: "再確認" } }), 409, "state");
  });
});

describe("KPI definitions and other organisations", () => {
  it("the admin creates a KPI (201 + Location); a duplicate No and a bad target are 422 with pointers", async () => {
    const def = { number: "9-1", name: "テスト指標", owners: [{ department: "土木部", division: "砂防課" }], series: [{ label: "累計", unit: "件", target: { kind: "number", direction: "higher", year: 2027, value: "1,200件" } }] };
    const created = await call(measuresRoute.POST as Handler, "POST", `${BASE}/measures`, { token: tokens.admin, params: K, body: def });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`${BASE}/measures/9-1`);
    expect(created.json).toMatchObject({ number: "9-1", kind: "kpi", owners: [{ department: "土木部", division: "砂防課" }], series: [{ target: { value: 1200, text: "1,200" } }] });
    const dup = await call(measuresRoute.POST as Handler, "POST", `${BASE}/measures`, { token: tokens.admin, params: K, body: def });
    expectProblem(dup, 422);
    expect(dup.json.errors).toEqual([{ pointer: "/number", detail: expect.stringContaining("すでにあります") }]);
    const bad = await call(measuresRoute.POST as Handler, "POST", `${BASE}/measures`, { token: tokens.admin, params: K, body: { ...def, number: "9-2", series: [{ label: "累計", target: { kind: "number", direction: "higher", value: "たくさん" } }] } });
    expectProblem(bad, 422);
    expect(bad.json.errors.map((e: { pointer: string }) => e.pointer)).toContain("/series/0/target/value");
    const unknownOwner = await call(measuresRoute.POST as Handler, "POST", `${BASE}/measures`, { token: tokens.admin, params: K, body: { ...def, number: "9-3", owners: [{ department: "宇宙部" }] } });
    expect(unknownOwner.json.errors).toEqual([{ pointer: "/owners/0/department", detail: expect.stringContaining("宇宙部") }]);
  });

  it("a viewer may not create a KPI (403)", async () => {
    expectProblem(await call(measuresRoute.POST as Handler, "POST", `${BASE}/measures`, { token: tokens.viewer, params: K, body: { number: "9-9", name: "閲覧者の指標" } }), 403, "forbidden");
  });

  it("another organisation's plans are 404 even though they exist", async () => {
    const kama = { code: "402273", slug: "kama-2025" };
    expectProblem(await call(measuresRoute.GET as Handler, "GET", "/api/v1/organizations/402273/plans/kama-2025/measures", { token: tokens.admin, params: kama }), 404, "not_found");
    expectProblem(await call(measuresRoute.POST as Handler, "POST", "/api/v1/organizations/402273/plans/kama-2025/measures", { token: tokens.admin, params: kama, body: { number: "x", name: "x" } }), 404);
    expectProblem(await call(yearRoute.PUT as Handler, "PUT", "/api/v1/organizations/402273/plans/kama-2025/evaluation-years/2025", { token: tokens.admin, params: { ...kama, fiscalYear: "2025" }, body: { status: "open", deadline: null } }), 404);
    expectProblem(await call(measureRoute.PATCH as Handler, "PATCH", `${BASE}/measures/${NO}`, { token: tokens.kama, params: { ...K, no: NO }, body: { name: "乗っ取り" } }), 404);
    const theirs = await call(measuresRoute.GET as Handler, "GET", "/api/v1/organizations/402273/plans/kama-2025/measures", { token: tokens.kama, params: kama });
    expect(theirs.status).toBe(200);
  });

  it("answers every origin (CORS, preflight included) and lets a program revalidate its copy: ETag, Last-Modified, 304", async () => {
    const preflight = await (entryRoute.OPTIONS as () => Response)();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    expect(preflight.headers.get("access-control-allow-methods")).toMatch(/PUT/);

    const me = await call(meRoute.GET as Handler, "GET", "/api/v1/me", { token: tokens.doboku });
    expect(me.status).toBe(200);
    expect(me.headers.get("access-control-allow-origin")).toBe("*");
    const etag = me.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await call(meRoute.GET as Handler, "GET", "/api/v1/me", { token: tokens.doboku, headers: { "If-None-Match": etag } });
    expect([again.status, again.json]).toEqual([304, null]);
    // another user's answer differs, so their copy is not current
    expect((await call(meRoute.GET as Handler, "GET", "/api/v1/me", { token: tokens.admin, headers: { "If-None-Match": etag } })).status).toBe(200);

    // a sheet: Last-Modified is the draft's last save for its department; a save changes ETag and Last-Modified
    const path = `${BASE}/measures/${NO}/entries/2024`;
    const sheet = await call(entryRoute.GET as Handler, "GET", path, { token: tokens.doboku, params: entry() });
    expect(sheet.status).toBe(200);
    const lastModified = sheet.headers.get("last-modified")!;
    const saved = await database.prisma.sheetEntry.findFirstOrThrow({ where: { evaluationYear: 2024, measure: { number: NO, plan: { slug: "kumamoto-2024" } } } });
    expect(Date.parse(lastModified)).toBe(Math.floor(saved.updatedAt.getTime() / 1000) * 1000);
    expect((await call(entryRoute.GET as Handler, "GET", path, { token: tokens.doboku, params: entry(), headers: { "If-Modified-Since": lastModified } })).status).toBe(304);
    expect((await call(entryRoute.GET as Handler, "GET", path, { token: tokens.doboku, params: entry(), headers: { "If-None-Match": sheet.headers.get("etag")! } })).status).toBe(304);
    await new Promise((r) => setTimeout(r, 1100)); // HTTP dates have whole seconds
    const put = await call(entryRoute.PUT as Handler, "PUT", path, { token: tokens.doboku, params: entry(), body: { version: sheet.json.version, values: sheet.json.values, effortStatus: `${sheet.json.effortStatus ?? ""}（追記）`, issues: sheet.json.issues ?? "", direction: sheet.json.direction ?? "" } });
    expect(put.status).toBe(200);
    expect(put.headers.get("access-control-allow-origin")).toBe("*");
    const changed = await call(entryRoute.GET as Handler, "GET", path, { token: tokens.doboku, params: entry(), headers: { "If-None-Match": sheet.headers.get("etag")! } });
    expect(changed.status).toBe(200);
    expect(changed.json.effortStatus).toMatch(/（追記）$/);
    expect(Date.parse(changed.headers.get("last-modified")!)).toBeGreaterThan(Date.parse(lastModified));

    // refusals are readable by the other origin too
    const refused = await call(meRoute.GET as Handler, "GET", "/api/v1/me", { token: null });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("serves the OpenAPI document without a token", async () => {
    const r = await call(openapiRoute.GET as unknown as Handler, "GET", "/api/v1/openapi.json");
    expect(r.status).toBe(200);
    expect(r.json.openapi).toBe("3.1.0");
  });
});
