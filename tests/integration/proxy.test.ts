// The sign-in-required mode (KPI_REQUIRE_SIGN_IN=1) reads the session cookie in proxy.ts: a signed-in user of a
// production server (the __Secure- cookie, even when NEXTAUTH_URL is http://localhost as `npm start` sets it)
// passes — while the session is still the user's current one (a real database: signed out everywhere or disabled
// since → sent to sign in); a reader without a session is sent to the sign-in page.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("empty");

const SECRET = "test-secret-for-the-proxy";
let proxy: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("AUTH_SECRET", SECRET);
  vi.stubEnv("KPI_REQUIRE_SIGN_IN", "1");
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("DATABASE_URL", database.url);
  (globalThis as { kpiPrisma?: unknown }).kpiPrisma = undefined; // lib/db's client: this file's database
  await database.prisma.user.create({ data: { id: "user-1", email: "shoko@example.lg.jp", name: "商工 太郎" } });
  vi.resetModules();
  ({ proxy } = await import("../../proxy"));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  const g = globalThis as { kpiPrisma?: { $disconnect(): Promise<void> } };
  await g.kpiPrisma?.$disconnect();
  g.kpiPrisma = undefined;
});

describe("sign-in required mode", () => {
  it("lets a signed-in user of a production server through", async () => {
    const jwt = await encode({ token: { uid: "user-1", sv: 0, name: "商工 太郎" }, secret: SECRET });
    const response = await proxy(new NextRequest("http://localhost:3000/orgs", { headers: { cookie: `__Secure-next-auth.session-token=${jwt}` } }));
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("sends an ended session to sign in: signed out everywhere, then disabled, and an unknown user", async () => {
    const old = await encode({ token: { uid: "user-1", sv: 0 }, secret: SECRET });
    const ask = (jwt: string) => proxy(new NextRequest("http://localhost:3000/orgs", { headers: { cookie: `__Secure-next-auth.session-token=${jwt}` } }));
    await database.prisma.user.update({ where: { id: "user-1" }, data: { sessionVersion: 1 } });
    expect((await ask(old)).headers.get("location")).toContain("/signin");
    const current = await encode({ token: { uid: "user-1", sv: 1 }, secret: SECRET });
    expect((await ask(current)).headers.get("x-middleware-next")).toBe("1");
    await database.prisma.user.update({ where: { id: "user-1" }, data: { disabled: true } });
    expect((await ask(current)).headers.get("location")).toContain("/signin");
    await database.prisma.user.update({ where: { id: "user-1" }, data: { disabled: false } });
    expect((await ask(await encode({ token: { uid: "nobody", sv: 0 }, secret: SECRET }))).headers.get("location")).toContain("/signin");
  });

  it("sends a reader without a session to the sign-in page, and answers the API with 401", async () => {
    const page = await proxy(new NextRequest("http://localhost:3000/orgs?q=1"));
    expect(page.headers.get("location")).toContain("/signin?callbackUrl=%2Forgs%3Fq%3D1");
    const api = await proxy(new NextRequest("http://localhost:3000/api/v1/organizations"));
    expect(api.status).toBe(401);
  });
});

describe("the token API in sign-in required mode", () => {
  it("passes Bearer requests to the token API (which checks the token), but not to the public open data", async () => {
    const bearer = { authorization: "Bearer kpi_anything" };
    for (const path of ["/api/v1/me", "/api/v1/organizations/430005/plans/kumamoto-2024/measures", "/api/v1/organizations/430005/plans/kumamoto-2024/measures/4-1/entries/2024/submit", "/api/v1/organizations/430005/plans/kumamoto-2024/evaluation-years/2024"]) {
      expect((await proxy(new NextRequest(`http://localhost:3000${path}`, { headers: bearer }))).headers.get("x-middleware-next"), path).toBe("1");
    }
    for (const path of ["/api/v1/organizations", "/api/v1/organizations/430005", "/api/v1/organizations/430005/plans/kumamoto-2024", "/api/v1/organizations/430005/plans/kumamoto-2024/values.csv", "/api/v1/me"]) {
      const headers = path === "/api/v1/me" ? undefined : bearer;
      expect((await proxy(new NextRequest(`http://localhost:3000${path}`, { headers }))).status, path).toBe(401);
    }
  });
});

describe("Strict-Transport-Security", () => {
  it("is sent when the public URL is https, and not for an http demo", async () => {
    vi.stubEnv("KPI_REQUIRE_SIGN_IN", "0");
    vi.stubEnv("NEXTAUTH_URL", "https://kpi.pref.example.lg.jp");
    const secure = await proxy(new NextRequest("https://kpi.pref.example.lg.jp/"));
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const demo = await proxy(new NextRequest("http://localhost:3000/"));
    expect(demo.headers.get("strict-transport-security")).toBeNull();
    vi.stubEnv("KPI_REQUIRE_SIGN_IN", "1");
  });
});
