// Two-factor sign-in against the real database: enrolment, sign-in asking for the code only after the right
// password, wrong codes counted by the throttle, no code used twice, a recovery code once; an organisation that
// requires it of its admins holds back the admin role of a non-enrolled admin in a session and through an API token;
// who may switch the requirement.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSignIn, SIGN_IN_FAILED } from "../../lib/auth/sign-in";
import { closeThrottle } from "../../lib/auth/throttle";
import { hashPassword } from "../../lib/auth/passwords";
import { totpCodeAt } from "../../lib/auth/two-factor";
import { TWO_FACTOR_REQUIRED, TWO_FACTOR_WRONG } from "../../lib/auth/two-factor-messages";
import { loadSessionUser } from "../../lib/auth/session-user";
import { authenticateToken } from "../../lib/tokens/authenticate";
import { createApiToken } from "../../lib/tokens/mutations";
import { can, type Actor } from "../../lib/authz/permissions";
import { runAction } from "../../lib/actions/action";
import { adminTwoFactorSchema, setAdminTwoFactorRequirement } from "../../lib/organizations/security";
import { confirmTwoFactor, disableTwoFactor, pendingTwoFactorSecret, regenerateRecoveryCodes, startTwoFactor, type TwoFactorOptions } from "../../lib/users/two-factor";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const KEY = "integration-test-auth-secret-0123456789abcdef";
const PASSWORD = "correct horse battery staple";
const ids: Record<string, string> = {};
let kama = "";
let kumamoto = "";
const secrets: Record<string, string> = {};
const opts = (now = new Date()): TwoFactorOptions => ({ authSecret: KEY, databaseUrl: database.url, now });
const at = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const actor = (key: string, organizationId = kama, role = "admin"): Actor => ({ id: ids[key], memberships: [{ organizationId, role, unitIds: [] }] });
const signIn = (key: string, password: string, source: string, code = "", now = new Date()) => checkSignIn(database.prisma, `${key}@kama.example.jp`, password, source, database.url, code, { authSecret: KEY, now });

/** Enrols a user as the account page does: start, read the pending secret, confirm with the app's code. */
async function enrol(key: string, now = new Date()) {
  await startTwoFactor(database.prisma, actor(key), { intent: "start" }, opts(now));
  secrets[key] = (await pendingTwoFactorSecret(database.prisma, ids[key], { authSecret: KEY }))!;
  return confirmTwoFactor(database.prisma, actor(key), { code: totpCodeAt(secrets[key], now) }, opts(now));
}

beforeAll(async () => {
  const p = database.prisma;
  kama = (await p.organization.findUniqueOrThrow({ where: { code: "402273" } })).id;
  kumamoto = (await p.organization.findUniqueOrThrow({ where: { code: "430005" } })).id;
  const passwordHash = await hashPassword(PASSWORD);
  for (const [key, orgId, role] of [["enrolled", kama, "admin"], ["plain", kama, "admin"], ["officer", kama, "officer"], ["kumaAdmin", kumamoto, "admin"], ["user", kama, "viewer"]] as const) {
    const u = await p.user.create({ data: { email: `${key}@kama.example.jp`, name: key, passwordHash, memberships: { create: { organizationId: orgId, role } } } });
    ids[key] = u.id;
  }
});
afterAll(closeThrottle);

describe("enrolment", () => {
  it("keeps the secret encrypted, enables with a right code only, answers ten recovery codes and ends the sessions", async () => {
    const p = database.prisma;
    const { startTwoFactorSchema } = await import("../../lib/users/two-factor");
    // a call without the button's intent (forged, garbled) changes nothing
    expect(await runAction(actor("user"), {}, { name: "t", schema: startTwoFactorSchema, run: (a, i) => startTwoFactor(p, a, i, opts()), publishes: false, message: "" })).toMatchObject({ status: "error", code: "invalid" });
    expect((await p.user.findUniqueOrThrow({ where: { id: ids.user } })).totpSecret).toBeNull();
    await startTwoFactor(p, actor("user"), { intent: "start" }, opts());
    const row = await p.user.findUniqueOrThrow({ where: { id: ids.user } });
    const secret = (await pendingTwoFactorSecret(p, ids.user, { authSecret: KEY }))!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(row.totpSecret).not.toContain(secret);
    expect(row.totpEnabledAt).toBeNull();
    expect(await pendingTwoFactorSecret(p, ids.user, { authSecret: `${KEY}-other` })).toBeNull();
    const wrong = await runAction(actor("user"), { code: "000000" }, { name: "t", schema: (await import("../../lib/users/two-factor")).confirmTwoFactorSchema, run: (a, i) => confirmTwoFactor(p, a, i, opts()), publishes: false, message: "" });
    expect(wrong).toMatchObject({ status: "error", fieldErrors: { code: expect.stringContaining("確認コードが正しくありません") } });
    expect((await p.user.findUniqueOrThrow({ where: { id: ids.user } })).totpEnabledAt).toBeNull();
    const { recoveryCodes } = await confirmTwoFactor(p, actor("user"), { code: totpCodeAt(secret, new Date()) }, opts());
    expect(recoveryCodes).toHaveLength(10);
    const after = await p.user.findUniqueOrThrow({ where: { id: ids.user }, include: { recoveryCodes: true } });
    expect(after.totpEnabledAt).not.toBeNull();
    expect(after.sessionVersion).toBe(row.sessionVersion + 1);
    expect(after.recoveryCodes.map((r) => r.codeHash).join()).not.toContain(recoveryCodes[0].replace("-", ""));
    expect(await p.auditLog.count({ where: { userId: ids.user, action: { in: ["user.twoFactorStart", "user.twoFactorEnable"] } } })).toBe(2);
    secrets.user = secret;
  });
});

describe("sign-in with two-factor sign-in on", () => {
  it("asks for the code only after the right password; a wrong password is answered as always", async () => {
    expect(await signIn("user", "wrong password", "192.0.2.1")).toEqual({ ok: false, message: SIGN_IN_FAILED });
    expect(await signIn("user", PASSWORD, "192.0.2.1")).toEqual({ ok: false, message: TWO_FACTOR_REQUIRED, needsCode: true });
    // a user without two-factor sign-in is not asked
    expect(await signIn("plain", PASSWORD, "192.0.2.1")).toMatchObject({ ok: true, user: { mfa: false } });
  });

  it("refuses a wrong code and counts it as a failure: five, and even the right code waits", async () => {
    for (let i = 0; i < 5; i++) expect(await signIn("user", PASSWORD, "192.0.2.2", "123456")).toEqual({ ok: false, message: TWO_FACTOR_WRONG, needsCode: true });
    expect(await signIn("user", PASSWORD, "192.0.2.2", totpCodeAt(secrets.user, new Date()))).toMatchObject({ ok: false, throttled: true });
  });

  it("accepts a right code once (no replay), and a later one", async () => {
    const now = at(1);
    const code = totpCodeAt(secrets.user, now);
    expect(await signIn("user", PASSWORD, "192.0.2.3", code, now)).toMatchObject({ ok: true, user: { mfa: true } });
    expect(await signIn("user", PASSWORD, "192.0.2.3", code, now)).toEqual({ ok: false, message: TWO_FACTOR_WRONG, needsCode: true });
    const later = at(2);
    expect(await signIn("user", PASSWORD, "192.0.2.3", totpCodeAt(secrets.user, later), later)).toMatchObject({ ok: true, user: { mfa: true } });
  });

  it("accepts a recovery code once, audited; regenerating replaces every code", async () => {
    const p = database.prisma;
    const { recoveryCodes } = await regenerateRecoveryCodes(p, actor("user"), { code: totpCodeAt(secrets.user, at(3)) }, opts(at(3)));
    expect(await signIn("user", PASSWORD, "192.0.2.4", recoveryCodes[0].toUpperCase())).toMatchObject({ ok: true, user: { mfa: true } });
    expect(await signIn("user", PASSWORD, "192.0.2.4", recoveryCodes[0])).toMatchObject({ ok: false, message: TWO_FACTOR_WRONG });
    expect(await p.auditLog.count({ where: { userId: ids.user, action: "user.recoveryCodeUse" } })).toBe(1);
    const again = await regenerateRecoveryCodes(p, actor("user"), { code: totpCodeAt(secrets.user, at(4)) }, opts(at(4)));
    expect(await signIn("user", PASSWORD, "192.0.2.4", recoveryCodes[1])).toMatchObject({ ok: false, message: TWO_FACTOR_WRONG });
    expect(await signIn("user", PASSWORD, "192.0.2.4", again.recoveryCodes[1])).toMatchObject({ ok: true });
    expect(await p.auditLog.count({ where: { userId: ids.user, action: "user.recoveryCodesRegenerate" } })).toBe(2);
  });

  it("disables with the password and a code; then the password alone signs in", async () => {
    const p = database.prisma;
    await expect(disableTwoFactor(p, actor("user"), { password: "wrong", code: totpCodeAt(secrets.user, at(5)) }, opts(at(5)))).rejects.toMatchObject({ fieldErrors: { password: expect.any(String) } });
    await disableTwoFactor(p, actor("user"), { password: PASSWORD, code: totpCodeAt(secrets.user, at(6)) }, opts(at(6)));
    expect(await p.recoveryCode.count({ where: { userId: ids.user } })).toBe(0);
    expect(await signIn("user", PASSWORD, "192.0.2.5")).toMatchObject({ ok: true, user: { mfa: false } });
    expect(await p.auditLog.count({ where: { userId: ids.user, action: "user.twoFactorDisable" } })).toBe(1);
  });
});

describe("an organisation that requires two-factor sign-in of its admins", () => {
  const setRequired = (who: Actor, organizationId: string, required: "on" | "off") =>
    runAction(who, { organizationId, required }, { name: "t", schema: adminTwoFactorSchema, run: (a, i) => setAdminTwoFactorRequirement(database.prisma, a, i), publishes: false, message: "" });

  it("is switched on only by the organisation's admin, and only one who has it on themselves", async () => {
    expect(await setRequired(actor("plain"), kama, "on")).toMatchObject({ status: "error", code: "state", fieldErrors: { required: expect.any(String) } });
    await enrol("enrolled", at(-10));
    expect(await setRequired(actor("officer", kama, "officer"), kama, "on")).toMatchObject({ status: "error", code: "forbidden" });
    expect(await setRequired(actor("kumaAdmin", kumamoto), kama, "on")).toMatchObject({ status: "error", code: "forbidden" });
    expect(await setRequired(actor("kumaAdmin", kumamoto), kumamoto, "on")).toMatchObject({ status: "error", code: "state" });
    expect((await database.prisma.organization.findUniqueOrThrow({ where: { id: kama } })).requireAdminTwoFactor).toBe(false);
    expect(await setRequired(actor("enrolled"), kama, "on")).toMatchObject({ status: "ok" });
    expect((await database.prisma.organization.findUniqueOrThrow({ where: { id: kama } })).requireAdminTwoFactor).toBe(true);
    expect(await database.prisma.auditLog.count({ where: { organizationId: kama, action: "organization.security" } })).toBe(1);
  });

  it("holds back the admin role of a session without a verified second factor; other roles are unaffected", async () => {
    const p = database.prisma;
    const version = async (key: string) => (await p.user.findUniqueOrThrow({ where: { id: ids[key] } })).sessionVersion;
    const plain = (await loadSessionUser(p, { uid: ids.plain, sv: await version("plain"), mfa: false }))!;
    expect(plain.memberships[0]).toMatchObject({ role: "viewer", needsTwoFactor: true });
    expect(can(plain, "plan.manage", { organizationId: kama })).toBe(false);
    expect(can(plain, "user.manage", { organizationId: kama })).toBe(false);
    // a forged claim does not help a user who has no second factor
    expect((await loadSessionUser(p, { uid: ids.plain, sv: await version("plain"), mfa: true }))!.memberships[0].role).toBe("viewer");
    // an enrolled admin's session signed in with the password alone (before enrolling) is held back too
    expect((await loadSessionUser(p, { uid: ids.enrolled, sv: await version("enrolled"), mfa: false }))!.memberships[0].role).toBe("viewer");
    const verified = (await loadSessionUser(p, { uid: ids.enrolled, sv: await version("enrolled"), mfa: true }))!;
    expect(verified.memberships[0]).toEqual(expect.objectContaining({ role: "admin" }));
    expect(verified.memberships[0].needsTwoFactor).toBeUndefined();
    expect(can(verified, "plan.manage", { organizationId: kama })).toBe(true);
    // the identity provider's session counts as verified
    expect((await loadSessionUser(p, { uid: ids.plain, sv: await version("plain"), sso: true }))!.memberships[0].role).toBe("admin");
    // an officer keeps their role; another organisation's admin is not concerned
    expect((await loadSessionUser(p, { uid: ids.officer, sv: await version("officer") }))!.memberships[0].role).toBe("officer");
    expect((await loadSessionUser(p, { uid: ids.kumaAdmin, sv: await version("kumaAdmin") }))!.memberships[0].role).toBe("admin");
  });

  it("holds back the admin role of an API token whose user has no second factor", async () => {
    const p = database.prisma;
    const plainToken = await createApiToken(p, actor("plain"), { name: "RPA", days: 30 });
    const enrolledToken = await createApiToken(p, actor("enrolled"), { name: "RPA", days: 30 });
    const plain = (await authenticateToken(p, plainToken.token))!;
    expect(plain.memberships[0]).toMatchObject({ role: "viewer", needsTwoFactor: true });
    expect(can(plain, "import.values", { organizationId: kama })).toBe(false);
    const enrolled = (await authenticateToken(p, enrolledToken.token))!;
    expect(enrolled.memberships[0].role).toBe("admin");
    expect(can(enrolled, "import.values", { organizationId: kama })).toBe(true);
  });

  it("refuses to disable two-factor sign-in of an admin it requires; switched off, it is allowed again", async () => {
    const p = database.prisma;
    await expect(disableTwoFactor(p, actor("enrolled"), { password: PASSWORD, code: totpCodeAt(secrets.enrolled, at(0)) }, opts(at(0)))).rejects.toMatchObject({ code: "state", message: expect.stringContaining("嘉麻市") });
    expect((await p.user.findUniqueOrThrow({ where: { id: ids.enrolled } })).totpEnabledAt).not.toBeNull();
    expect(await setRequired(actor("enrolled"), kama, "off")).toMatchObject({ status: "ok" });
    const plain = (await loadSessionUser(p, { uid: ids.plain, sv: (await p.user.findUniqueOrThrow({ where: { id: ids.plain } })).sessionVersion }))!;
    expect(plain.memberships[0].role).toBe("admin");
  });
});
