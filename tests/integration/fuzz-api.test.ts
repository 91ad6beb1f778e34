// Hostile input at every endpoint of the API (property-based, fast-check): every route handler under app/api/v1
// is found on disk and called as Next calls it, with path parameters and bodies drawn from hostile families
// (NUL bytes, malformed percent-encodings, enormous numbers and years, deep or broken JSON, odd Unicode) and
// with valid values mixed in so that the requests reach the deeper checks. No answer may be a 500 or carry a
// stack trace, and nothing may be written: every write audits in its own transaction, so the audit log and the
// rows a write would touch keep their counts.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemoAccounts } from "../../lib/demo/demo-accounts";
import { createApiToken } from "../../lib/tokens/mutations";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const API_ROOT = path.resolve("app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Route = { file: string; segments: string[]; handlers: Partial<Record<(typeof METHODS)[number], Handler>> };

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

const routes: Route[] = [];
const tokens: string[] = [];

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  (globalThis as { kpiPrisma?: unknown }).kpiPrisma = undefined; // lib/db's client: this file's database
  await ensureDemoAccounts(database.prisma);
  for (const email of ["admin@demo.example", "doboku@demo.example", "viewer@demo.example"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email } });
    tokens.push((await createApiToken(database.prisma, { id: user.id, memberships: [] }, { name: `fuzz ${email}`, days: 1 })).token);
  }
  for (const file of routeFiles(API_ROOT)) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const handlers = Object.fromEntries(METHODS.filter((m) => typeof mod[m] === "function").map((m) => [m, mod[m] as Handler]));
    routes.push({ file: path.relative(API_ROOT, file), segments: path.relative(API_ROOT, path.dirname(file)).split(path.sep).filter(Boolean), handlers });
  }
}, 60_000);

afterAll(async () => {
  const g = globalThis as { kpiPrisma?: { $disconnect(): Promise<void> } };
  await g.kpiPrisma?.$disconnect();
  g.kpiPrisma = undefined;
});

// values that exist in the seed, so that some requests pass the first checks
const VALID: Record<string, string[]> = {
  code: ["430005", "402273"],
  slug: ["kumamoto-2020", "kumamoto-2024", "kama-2025"],
  no: ["15", "4-1", "1-1", "追加1"],
  fiscalYear: ["2023", "2024"],
};
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("\u0000", "a\u0000b", "%", "%E0%A4%A", "%00", "%C0%AF", "..%2F..%2Fetc%2Fpasswd", "<script>alert(1)</script>", "=1+1", "'; drop table \"User\"; --"),
  fc.constantFrom("9".repeat(400), "-1", "0", "1e309", "NaN", "Infinity", "2147483648", "99999999999999999999", "１２３", "-0", "0x10", " 2024 "),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);
const param = (name: string) => fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...(VALID[name] ?? ["x"])) }, { weight: 3, arbitrary: hostileText });
const hostileValue = fc.oneof(hostileText, fc.integer(), fc.double(), fc.constant(null), fc.boolean(), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(1e308));
const body = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 3 }).map((j) => ({ raw: j })),
  fc.constantFrom("{", "[", "null", "\"\"", "{\"a\":", "\u0000", "{\"version\": 1e999}").map((raw) => ({ raw })),
  // shaped like the real bodies, with hostile values
  fc.record({
    version: hostileValue,
    values: fc.dictionary(hostileText, hostileValue, { maxKeys: 3 }),
    effortStatus: hostileValue,
    issues: hostileValue,
    direction: hostileValue,
    reason: hostileValue,
    status: hostileValue,
    deadline: hostileValue,
    name: hostileValue,
    owners: fc.array(fc.record({ department: hostileValue, division: hostileValue }), { maxLength: 2 }),
    series: fc.array(fc.record({ label: hostileValue, unit: hostileValue, baseline: fc.record({ year: hostileValue, value: hostileValue }) }), { maxLength: 2 }),
  }, { requiredKeys: [] }).map((o) => ({ raw: JSON.stringify(o) })),
);

async function counts() {
  const p = database.prisma;
  const [audit, entries, values, measures, series, years, tokensCount] = await Promise.all([
    p.auditLog.count(), p.sheetEntry.count(), p.sheetEntryValue.count(), p.measure.count(), p.seriesValue.count(), p.evaluationYear.count(), p.apiToken.count(),
  ]);
  return { audit, entries, values, measures, series, years, tokens: tokensCount };
}

describe("hostile input at every API endpoint", () => {
  it("finds the API's route handlers", () => {
    expect(routes.length).toBeGreaterThanOrEqual(14);
    expect(routes.flatMap((r) => Object.keys(r.handlers)).length).toBeGreaterThanOrEqual(18);
  });

  it("never answers 500 or a stack trace, and writes nothing", async () => {
    const before = await counts();
    const seen = new Set<string>();
    const calls = routes.flatMap((r) => Object.keys(r.handlers).map((m) => ({ route: r, method: m as (typeof METHODS)[number] })));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...calls).chain(({ route, method }) => {
          const names = route.segments.filter((s) => s.startsWith("[")).map((s) => s.replace(/^\[(\.\.\.)?|\]$/g, ""));
          return fc.record({
            route: fc.constant(route),
            method: fc.constant(method),
            params: fc.record(Object.fromEntries(names.map((n) => [n, n === "rest" ? fc.array(hostileText, { minLength: 1, maxLength: 3 }) : param(n)]))),
            token: fc.oneof(fc.constantFrom(...tokens), fc.constant(null), fc.constantFrom("kpi_" + "A".repeat(43), "kpi_%00", "Bearer")),
            body: method === "GET" || method === "DELETE" ? fc.constant(undefined) : body,
            query: fc.oneof(fc.constant(""), hostileText.map((t) => `?year=${encodeURIComponent(t)}&page=${encodeURIComponent(t)}`)),
          });
        }),
        async ({ route, method, params, token, body: b, query }) => {
          seen.add(`${method} ${route.file}`);
          const headers = new Headers();
          if (token) headers.set("Authorization", `Bearer ${token}`);
          if (b) headers.set("Content-Type", "application/json");
          const url = `http://localhost/api/v1/${route.segments.join("/")}${query}`;
          const response = await route.handlers[method]!(new Request(url, { method, headers, body: b?.raw }), { params: Promise.resolve(params as Record<string, string | string[]>) });
          const text = await response.text();
          expect(response.status, `${method} ${route.file} ${JSON.stringify(params)} → ${text.slice(0, 300)}`).toBeLessThan(500);
          expect(text).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules\/|Prisma|TypeError|ReferenceError/);
        },
      ),
      { numRuns: 1500, interruptAfterTimeLimit: 60_000, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    expect(await counts()).toEqual(before);
    expect(seen.size).toBeGreaterThanOrEqual(Math.min(calls.length, 10));
  }, 120_000);
});
