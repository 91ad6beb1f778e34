// Notifications through the token API: a submission by the 土木部 officer's token reaches the admin's list;
// each token reads and marks only its own user's notifications (another user's id is a 404); paging and the
// unread filter; no token is a 401.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemoAccounts } from "../../lib/demo/demo-accounts";
import { createApiToken } from "../../lib/tokens/mutations";
import { useTestDatabase } from "../helpers/database-per-file";
import * as listRoute from "../../app/api/v1/me/notifications/route";
import * as readRoute from "../../app/api/v1/me/notifications/[id]/read/route";
import * as readAllRoute from "../../app/api/v1/me/notifications/read-all/route";
import * as entryRoute from "../../app/api/v1/organizations/[code]/plans/[slug]/measures/[no]/entries/[fiscalYear]/route";
import * as submitRoute from "../../app/api/v1/organizations/[code]/plans/[slug]/measures/[no]/entries/[fiscalYear]/submit/route";

const database = useTestDatabase("seeded");
const tokens: Record<string, string> = {};
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: unknown, method: string, path: string, token: string | null, params: Record<string, string> = {}, body?: unknown) {
  const headers = new Headers();
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (body !== undefined) headers.set("Content-Type", "application/json");
  const response = await (handler as Handler)(new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  (globalThis as { kpiPrisma?: unknown }).kpiPrisma = undefined;
  await ensureDemoAccounts(database.prisma);
  for (const who of ["admin", "doboku", "shoko"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${who}@demo.example` } });
    tokens[who] = (await createApiToken(database.prisma, { id: user.id, memberships: [] }, { name: `${who} お知らせ`, days: 1 })).token;
  }
});
afterAll(async () => {
  const g = globalThis as { kpiPrisma?: { $disconnect(): Promise<void> } };
  await g.kpiPrisma?.$disconnect();
  g.kpiPrisma = undefined;
});

const LIST = "/api/v1/me/notifications";

describe("notifications through the API", () => {
  it("a submission through the API is in the admin's list, unread, with a link to the sheet", async () => {
    const params = { code: "430005", slug: "kumamoto-2020", no: "5", fiscalYear: "2023" };
    const sheet = await call(entryRoute.GET, "GET", "/api/v1/…/entries/2023", tokens.doboku, params);
    expect(sheet.status).toBe(200);
    const saved = await call(entryRoute.PUT, "PUT", "/api/v1/…/entries/2023", tokens.doboku, params, { version: sheet.json.version, effortStatus: "砂防施設の整備を進めた。" });
    expect(saved.status).toBe(200);
    const submitted = await call(submitRoute.POST, "POST", "/api/v1/…/submit", tokens.doboku, params, { version: saved.json.version });
    expect(submitted.status).toBe(200);

    const list = await call(listRoute.GET, "GET", `${LIST}?unreadOnly=true`, tokens.admin);
    expect(list.status).toBe(200);
    const n = list.json.notifications.find((x: { kind: string }) => x.kind === "sheet_submitted");
    expect(n).toMatchObject({ readAt: null });
    expect(n.title + n.body).toContain("5");
    expect(n.link).toMatch(/^\/orgs\/430005\/plans\/kumamoto-2020\//);
    expect(list.json.unread).toBeGreaterThanOrEqual(1);

    // the officer who submitted is not told about their own submission
    const own = await call(listRoute.GET, "GET", LIST, tokens.doboku);
    expect(own.json.notifications.filter((x: { kind: string }) => x.kind === "sheet_submitted")).toEqual([]);
  });

  it("marks one read, refuses another user's notification as not found, then marks all read", async () => {
    const admin = await database.prisma.user.findUniqueOrThrow({ where: { email: "admin@demo.example" } });
    const org = await database.prisma.organization.findUniqueOrThrow({ where: { code: "430005" } });
    for (const title of ["一件目", "二件目"]) await database.prisma.notification.create({ data: { userId: admin.id, organizationId: org.id, kind: "deadline_overdue", title, body: "期限超過のシートがあります。" } });
    const list = await call(listRoute.GET, "GET", `${LIST}?perPage=1`, tokens.admin);
    expect(list.json.notifications).toHaveLength(1);
    expect(list.json.pages).toBe(list.json.total);
    const id = list.json.notifications[0].id;

    const stranger = await call(readRoute.POST, "POST", `${LIST}/${id}/read`, tokens.shoko, { id });
    expect(stranger.status).toBe(404);
    expect((await database.prisma.notification.findUniqueOrThrow({ where: { id } })).readAt).toBeNull();

    const read = await call(readRoute.POST, "POST", `${LIST}/${id}/read`, tokens.admin, { id });
    expect(read).toMatchObject({ status: 200, json: { marked: 1 } });
    const all = await call(readAllRoute.POST, "POST", `${LIST}/read-all`, tokens.admin);
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({ unread: 0 });
    expect(all.json.marked).toBeGreaterThanOrEqual(1);
    expect(await database.prisma.notification.count({ where: { userId: admin.id, readAt: null } })).toBe(0);
  });

  it("without a token: 401", async () => {
    expect((await call(listRoute.GET, "GET", LIST, null)).status).toBe(401);
    expect((await call(readAllRoute.POST, "POST", `${LIST}/read-all`, null)).status).toBe(401);
  });
});
