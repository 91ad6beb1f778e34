// User management stays inside the organisation: an admin adds people only by invitation, which the person accepts
// through the link sent to their address. The admin's answer, the audit record and the e-mail are the same whether
// the address was unknown or belongs to another organisation's user; nothing joins before the acceptance; the link
// works once, for the invitee only, until it expires or is withdrawn.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/permissions";
import { runAction } from "../../lib/actions/action";
import { checkSignIn } from "../../lib/auth/sign-in";
import { closeThrottle } from "../../lib/auth/throttle";
import { ensureDemoAccounts } from "../../lib/demo/demo-accounts";
import { acceptAsNewUser, answerInvitation, findInvitation, inviteSchema, inviteUser, withdrawInvitation } from "../../lib/users/invitations";
import { useTestDatabase } from "../helpers/database-per-file";
import { afterAll } from "vitest";

const database = useTestDatabase("seeded");
const ids: Record<string, string> = {};
let kumamotoAdmin: Actor;
let kamaAdmin: Actor;
let officer: Actor;

async function actorOf(email: string): Promise<Actor> {
  const u = await database.prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: { include: { units: true } } } });
  return { id: u.id, memberships: u.memberships.map((m) => ({ organizationId: m.organizationId, role: m.role, unitIds: m.units.map((x) => x.unitId) })) };
}

const invite = (actor: Actor, input: Record<string, unknown>) =>
  runAction(actor, input, { name: "test", schema: inviteSchema, run: (a, i) => inviteUser(database.prisma, a, i), publishes: false, message: (d) => `${d.email} に招待を送りました。` });

async function linkTokenFor(email: string) {
  const mail = await database.prisma.mailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const token = /\/invitations\/([\w-]+)/.exec(mail.text)?.[1];
  expect(token).toBeTruthy();
  return { token: token!, mail };
}

beforeAll(async () => {
  await ensureDemoAccounts(database.prisma);
  for (const o of await database.prisma.organization.findMany()) ids[o.code] = o.id;
  kumamotoAdmin = await actorOf("admin@demo.example");
  kamaAdmin = await actorOf("kama-admin@demo.example");
  officer = await actorOf("doboku@demo.example");
});
afterAll(closeThrottle);

describe("inviting", () => {
  it("answers, audits and e-mails alike for an unknown address and for another organisation's user", async () => {
    const unknown = await invite(kumamotoAdmin, { organizationId: ids["430005"], email: "Shinki@Example.lg.jp", name: "新規 花子", role: "viewer" });
    const foreign = await invite(kumamotoAdmin, { organizationId: ids["430005"], email: "kama-admin@demo.example", name: "嘉麻 太郎", role: "viewer" });
    expect(unknown.status).toBe("ok");
    expect(foreign.status).toBe("ok");
    expect(unknown.message.replace("shinki@example.lg.jp", "X")).toBe(foreign.message.replace("kama-admin@demo.example", "X"));

    const audits = await database.prisma.auditLog.findMany({ where: { action: "user.invite" }, orderBy: { createdAt: "asc" } });
    expect(audits).toHaveLength(2);
    expect(Object.keys(audits[0].after as object).sort()).toEqual(Object.keys(audits[1].after as object).sort());
    expect(audits.map((a) => a.entityType)).toEqual(["Invitation", "Invitation"]);

    const [a, b] = [await linkTokenFor("shinki@example.lg.jp"), await linkTokenFor("kama-admin@demo.example")];
    expect(a.mail.subject).toBe(b.mail.subject);
    expect(a.mail.text.split("\n").length).toBe(b.mail.text.split("\n").length);

    // nothing joins before the acceptance: 嘉麻市's admin is still outside 熊本県
    expect(await database.prisma.membership.count({ where: { organizationId: ids["430005"], user: { email: { in: ["kama-admin@demo.example", "shinki@example.lg.jp"] } } } })).toBe(0);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { email: "shinki@example.lg.jp" } })).passwordHash).toBeNull();
  });

  it("names only the organisation's own members as already registered", async () => {
    const r = await invite(kumamotoAdmin, { organizationId: ids["430005"], email: "doboku@demo.example", name: "土木", role: "viewer" });
    expect(r).toMatchObject({ status: "error", code: "invalid", fieldErrors: { email: expect.stringContaining("この団体に登録済み") } });
  });

  it("refuses an officer, another organisation's admin, an officer role without units and a unit of another organisation", async () => {
    expect(await invite(officer, { organizationId: ids["430005"], email: "x1@example.lg.jp", name: "X", role: "viewer" })).toMatchObject({ status: "error", code: "forbidden" });
    expect(await invite(kamaAdmin, { organizationId: ids["430005"], email: "x2@example.lg.jp", name: "X", role: "viewer" })).toMatchObject({ status: "error", code: "forbidden" });
    expect(await invite(kumamotoAdmin, { organizationId: ids["430005"], email: "x3@example.lg.jp", name: "X", role: "officer" })).toMatchObject({ status: "error", fieldErrors: { unitIds: expect.any(String) } });
    const kamaUnit = await database.prisma.orgUnit.findFirstOrThrow({ where: { organizationId: ids["402273"] } });
    expect(await invite(kumamotoAdmin, { organizationId: ids["430005"], email: "x4@example.lg.jp", name: "X", role: "officer", unitIds: [kamaUnit.id] })).toMatchObject({ status: "error", fieldErrors: { unitIds: expect.any(String) } });
    expect(await database.prisma.user.count({ where: { email: { startsWith: "x" } } })).toBe(0);
  });
});

describe("accepting", () => {
  it("someone new chooses a password through the link, joins, signs in; the link works once", async () => {
    const { token } = await linkTokenFor("shinki@example.lg.jp");
    expect(await findInvitation(database.prisma, token)).toMatchObject({ newUser: true, role: "viewer", organizationName: "熊本県" });
    await acceptAsNewUser(database.prisma, { token, decision: "accept", name: "新規 花子", password: "a-long-new-password", confirmPassword: "a-long-new-password" });
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "shinki@example.lg.jp" }, include: { memberships: true } });
    expect(user.memberships.map((m) => [m.organizationId, m.role])).toEqual([[ids["430005"], "viewer"]]);
    const signIn = await checkSignIn(database.prisma, "shinki@example.lg.jp", "a-long-new-password", "192.0.2.1", database.url);
    expect(signIn.ok).toBe(true);
    await expect(acceptAsNewUser(database.prisma, { token, decision: "accept", name: "乗っ取り", password: "another-password!", confirmPassword: "another-password!" })).rejects.toMatchObject({ code: "not_found" });
    expect(await findInvitation(database.prisma, token)).toBeNull();
  });

  it("an existing account accepts only when signed in as itself; the link alone cannot set its password", async () => {
    const { token } = await linkTokenFor("kama-admin@demo.example");
    await expect(acceptAsNewUser(database.prisma, { token, decision: "accept", name: "乗っ取り", password: "takeover-password", confirmPassword: "takeover-password" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(answerInvitation(database.prisma, kumamotoAdmin, { token, decision: "accept" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await answerInvitation(database.prisma, kamaAdmin, { token, decision: "accept" })).toEqual({ accepted: true });
    const roles = await database.prisma.membership.findMany({ where: { user: { email: "kama-admin@demo.example" } }, select: { organizationId: true, role: true } });
    expect(roles).toEqual(expect.arrayContaining([{ organizationId: ids["402273"], role: "admin" }, { organizationId: ids["430005"], role: "viewer" }]));
  });

  it("an expired or withdrawn invitation cannot be accepted; a declined one ends", async () => {
    await invite(kumamotoAdmin, { organizationId: ids["430005"], email: "late@example.lg.jp", name: "遅刻", role: "viewer" });
    const late = await linkTokenFor("late@example.lg.jp");
    const future = new Date(Date.now() + 15 * 86_400_000);
    expect(await findInvitation(database.prisma, late.token, future)).toBeNull();
    await expect(acceptAsNewUser(database.prisma, { token: late.token, decision: "accept", name: "遅刻", password: "a-long-new-password", confirmPassword: "a-long-new-password" }, future)).rejects.toMatchObject({ code: "not_found" });

    const open = await database.prisma.invitation.findFirstOrThrow({ where: { user: { email: "late@example.lg.jp" }, acceptedAt: null, closedAt: null } });
    await expect(withdrawInvitation(database.prisma, kamaAdmin, { organizationId: ids["430005"], invitationId: open.id })).rejects.toMatchObject({ code: "forbidden" });
    await withdrawInvitation(database.prisma, kumamotoAdmin, { organizationId: ids["430005"], invitationId: open.id });
    await expect(acceptAsNewUser(database.prisma, { token: late.token, decision: "accept", name: "遅刻", password: "a-long-new-password", confirmPassword: "a-long-new-password" })).rejects.toMatchObject({ code: "not_found" });
    expect(await database.prisma.auditLog.count({ where: { action: "user.withdrawInvitation" } })).toBe(1);
  });
});
