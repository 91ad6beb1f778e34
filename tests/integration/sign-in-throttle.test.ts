// Sign-in that resists strangers: failures are throttled per account and source and per source, in PostgreSQL
// (so every process sees them), never by locking the account; every failure gets the same answer after a real
// hash verification; the operator's CLI forgets an account's failures.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSignIn, SIGN_IN_FAILED } from "../../lib/auth/sign-in";
import { closeThrottle, SOURCE_LIMIT } from "../../lib/auth/throttle";
import { hashPassword } from "../../lib/auth/passwords";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("empty");
const PASSWORD = "correct horse battery";
const EMAIL = "kikaku@example.lg.jp";

beforeAll(async () => {
  await database.prisma.user.create({ data: { email: EMAIL, name: "企画 一郎", passwordHash: await hashPassword(PASSWORD) } });
  await database.prisma.user.create({ data: { email: "teishi@example.lg.jp", name: "停止 中", passwordHash: await hashPassword(PASSWORD), disabled: true } });
});
afterAll(closeThrottle);

const attempt = (email: string, password: string, source: string) => checkSignIn(database.prisma, email, password, source, database.url);

describe("sign-in throttling", () => {
  it("five failures from one source stop that source for that account, but not the owner at another address", async () => {
    for (let i = 0; i < 5; i++) expect(await attempt(EMAIL, "wrong", "198.51.100.1")).toEqual({ ok: false, message: SIGN_IN_FAILED });
    const blocked = await attempt(EMAIL, PASSWORD, "198.51.100.1");
    expect(blocked).toMatchObject({ ok: false, throttled: true });
    expect(blocked.ok ? "" : blocked.message).toMatch(/約15分後/);
    expect(await attempt(EMAIL, PASSWORD, "203.0.113.9")).toMatchObject({ ok: true, user: { email: EMAIL } });
  });

  it("an unknown e-mail, a disabled account and a wrong password get the same answer and are counted alike", async () => {
    const answers = [await attempt("nobody@example.lg.jp", "x", "192.0.2.50"), await attempt("teishi@example.lg.jp", PASSWORD, "192.0.2.50"), await attempt(EMAIL, "x", "192.0.2.50")];
    for (const a of answers) expect(a).toEqual({ ok: false, message: SIGN_IN_FAILED });
    for (let i = 0; i < 4; i++) await attempt("nobody@example.lg.jp", "x", "192.0.2.50");
    expect(await attempt("nobody@example.lg.jp", "x", "192.0.2.50")).toMatchObject({ throttled: true });
  });

  it("every failure costs a real hash verification: an unknown account is not answered faster", async () => {
    const time = async (email: string) => {
      const t = performance.now();
      await attempt(email, "wrong-password", `192.0.2.${Math.floor(Math.random() * 200) + 1}0`);
      return performance.now() - t;
    };
    await time(EMAIL); // warm the decoy hash
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(EMAIL));
      unknown.push(await time(`nobody${i}@example.lg.jp`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // argon2 with 19 MiB takes tens of milliseconds; skipping it would make the unknown case several times faster
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it("password spraying from one source is stopped after the source limit, whatever the accounts", async () => {
    for (let i = 0; i < SOURCE_LIMIT.points; i++) await attempt(`user${i}@example.lg.jp`, "x", "198.51.100.77");
    expect(await attempt(EMAIL, PASSWORD, "198.51.100.77")).toMatchObject({ throttled: true });
    expect(await attempt(EMAIL, PASSWORD, "198.51.100.78")).toMatchObject({ ok: true });
  });

  it("the operator's CLI forgets an account's failures from every source", async () => {
    for (let i = 0; i < 5; i++) await attempt(EMAIL, "wrong", "198.51.100.20");
    expect(await attempt(EMAIL, PASSWORD, "198.51.100.20")).toMatchObject({ throttled: true });
    const run = spawnSync(process.execPath, ["--import", "tsx", "ops/cli/unlock-user.ts", EMAIL.toUpperCase()], { env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("サインイン制限を解除しました");
    expect(await attempt(EMAIL, PASSWORD, "198.51.100.20")).toMatchObject({ ok: true });
  });

  it("--reset-two-factor turns off a lost second factor, ends the sessions and is audited", async () => {
    const user = await database.prisma.user.update({ where: { email: EMAIL }, data: { totpSecret: "x", totpEnabledAt: new Date(), recoveryCodes: { create: [{ codeHash: "h" }] } } });
    const run = spawnSync(process.execPath, ["--import", "tsx", "ops/cli/unlock-user.ts", EMAIL, "--reset-two-factor"], { env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const after = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { recoveryCodes: true } });
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, recoveryCodes: [], sessionVersion: user.sessionVersion + 1 });
    expect(await database.prisma.auditLog.count({ where: { action: "user.twoFactorReset", entityId: user.id, channel: "cli" } })).toBe(1);
  });
});
