// A user's own two-factor sign-in (2段階認証): start (a pending secret), confirm with a first code (enabled, ten
// recovery codes shown once), regenerate the recovery codes, disable; and the check of a second factor at sign-in.
// Password accounts only: an SSO account signs in through its identity provider, which does its own checks.
// Wrong codes entered here are throttled like sign-in failures (lib/auth/throttle.ts), so that a borrowed session
// cannot try every code.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import type { Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import { inTransaction, type Tx } from "../actions/transaction";
import { MESSAGES, refuse } from "../actions/refusal";
import { verifyPassword } from "../auth/passwords";
import { authSecret } from "../auth/secret";
import { recordFailure, throttledFor, recordSuccess } from "../auth/throttle";
import { classifyCode, decryptSecret, encryptSecret, generateRecoveryCodes, hashRecoveryCode, matchTotp, newTotpSecret, normalizeRecoveryCode } from "../auth/two-factor";

export type TwoFactorOptions = { now?: Date; authSecret?: string; databaseUrl?: string };

const CODE_HINT = "認証アプリに表示されている6桁の確認コードを入力してください";
const code = z.string().trim().min(1, CODE_HINT).max(40, CODE_HINT);
// the button posts intent=start: a request without it (a forged or garbled call) changes nothing
export const startTwoFactorSchema = z.object({ intent: z.literal("start", { message: "もう一度お試しください" }) });
export const confirmTwoFactorSchema = z.object({ code });
export const regenerateRecoveryCodesSchema = z.object({ code });
export const disableTwoFactorSchema = z.object({ password: z.string().min(1, "パスワードを入力してください").max(200), code: z.string().trim().min(1, "確認コードまたは回復コードを入力してください").max(40) });

function key(options: TwoFactorOptions): string {
  const k = options.authSecret ?? authSecret();
  if (!k) {
    console.error("two-factor: AUTH_SECRET is not set");
    refuse("state", MESSAGES.generic);
  }
  return k;
}

async function loadOwn(prisma: PrismaClient, actor: Actor) {
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, disabled: true, passwordHash: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
  if (!user || user.disabled) refuse("unauthenticated", MESSAGES.unauthenticated);
  if (!user.passwordHash) refuse("state", "組織のアカウント（SSO）でサインインする場合、2段階認証は組織の仕組み（ID プロバイダー）で設定してください。");
  return user;
}

/** Wrong codes entered in the app count like failed sign-ins of this account (5 in 15 minutes, then a pause). */
async function throttled(userId: string, options: TwoFactorOptions) {
  const wait = await throttledFor(options.databaseUrl ?? process.env.DATABASE_URL ?? "", `totp:${userId}`, "account");
  if (wait > 0) refuse("state", `確認コードの誤りが続いたため、しばらく受け付けません。約${Math.max(1, Math.ceil(wait / 60))}分後にもう一度お試しください。`);
}
const wrongCode = async (userId: string, options: TwoFactorOptions, field: string, message: string): Promise<never> => {
  await recordFailure(options.databaseUrl ?? process.env.DATABASE_URL ?? "", `totp:${userId}`, "account");
  refuse("invalid", MESSAGES.invalid, { [field]: message });
};

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(userId, normalizeRecoveryCode(c)!) })) });
  return codes;
}

/** Accepts a TOTP code for the stored secret, once: the step is stored only if it is later than the last one. */
async function acceptTotp(db: PrismaClient | Tx, user: { id: string; totpSecret: string | null; totpLastStep: number | null }, input: string, options: TwoFactorOptions): Promise<boolean> {
  if (!user.totpSecret) return false;
  const secret = decryptSecret(user.totpSecret, key(options));
  if (!secret) {
    console.error(`two-factor: the secret of user ${user.id} cannot be decrypted (was AUTH_SECRET changed?)`);
    return false;
  }
  const step = matchTotp(secret, input, options.now ?? new Date(), user.totpLastStep);
  if (step === null) return false;
  // conditional: of two requests with the same code, only one finds the old step still in place
  const won = await db.user.updateMany({ where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
  return won.count === 1;
}

/** Uses a recovery code up (audited); false when it is unknown or used already. */
async function acceptRecoveryCode(prisma: PrismaClient, userId: string, canonical: string): Promise<boolean> {
  return inTransaction(prisma, async (tx) => {
    const row = await tx.recoveryCode.findFirst({ where: { userId, codeHash: hashRecoveryCode(userId, canonical), usedAt: null }, select: { id: true } });
    if (!row) return false;
    const used = await tx.recoveryCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) return false;
    const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
    await writeAudit(tx, { organizationId: null, userId, action: "user.recoveryCodeUse", entityType: "User", entityId: userId, after: { recoveryCodesLeft: left } });
    return true;
  });
}

/** The second factor at sign-in (or when disabling): a TOTP code or an unused recovery code. */
export async function verifySecondFactor(prisma: PrismaClient, user: { id: string; totpSecret: string | null; totpLastStep: number | null }, input: string, options: TwoFactorOptions = {}): Promise<"totp" | "recovery" | null> {
  const kind = classifyCode(input);
  if (!kind) return null;
  if (kind.kind === "totp") return (await acceptTotp(prisma, user, kind.code, options)) ? "totp" : null;
  return (await acceptRecoveryCode(prisma, user.id, kind.canonical)) ? "recovery" : null;
}

/** Starts (or starts again) enrolment: a new pending secret, not yet in force. */
export async function startTwoFactor(prisma: PrismaClient, actor: Actor, _input: z.output<typeof startTwoFactorSchema>, options: TwoFactorOptions = {}): Promise<{ started: true }> {
  const user = await loadOwn(prisma, actor);
  if (user.totpEnabledAt) refuse("state", "2段階認証はすでに有効です。");
  const totpSecret = encryptSecret(newTotpSecret(), key(options));
  await inTransaction(prisma, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret, totpEnabledAt: null, totpLastStep: null } });
    await writeAudit(tx, { organizationId: null, userId: user.id, action: "user.twoFactorStart", entityType: "User", entityId: user.id, after: { pending: true }, via: actor.via });
  });
  return { started: true };
}

/** The pending secret for the enrolment screen (null when there is none or it is already enabled). */
export async function pendingTwoFactorSecret(prisma: PrismaClient, userId: string, options: TwoFactorOptions = {}): Promise<string | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user?.totpSecret || user.totpEnabledAt) return null;
  const k = options.authSecret ?? authSecret();
  return k ? decryptSecret(user.totpSecret, k) : null;
}

/**
 * The first code from the app turns two-factor sign-in on and answers ten recovery codes (shown once). Every
 * session ends, this one too: the next sign-in asks for a code, and only such a session counts as verified.
 */
export async function confirmTwoFactor(prisma: PrismaClient, actor: Actor, input: z.output<typeof confirmTwoFactorSchema>, options: TwoFactorOptions = {}): Promise<{ recoveryCodes: string[] }> {
  const user = await loadOwn(prisma, actor);
  if (user.totpEnabledAt) refuse("state", "2段階認証はすでに有効です。");
  if (!user.totpSecret) refuse("state", "先に「2段階認証を設定する」を押してください。");
  await throttled(user.id, options);
  return inTransaction(prisma, async (tx) => {
    if (!(await acceptTotp(tx, user, input.code, options))) return wrongCode(user.id, options, "code", "確認コードが正しくありません。認証アプリに表示されている最新のコードを入力してください");
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: options.now ?? new Date(), sessionVersion: { increment: 1 } } });
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await writeAudit(tx, { organizationId: null, userId: user.id, action: "user.twoFactorEnable", entityType: "User", entityId: user.id, after: { enabled: true, recoveryCodes: recoveryCodes.length }, via: actor.via });
    await recordSuccess(options.databaseUrl ?? process.env.DATABASE_URL ?? "", `totp:${user.id}`, "account");
    return { recoveryCodes };
  });
}

/** New recovery codes (the old ones stop working), with a current code from the app. */
export async function regenerateRecoveryCodes(prisma: PrismaClient, actor: Actor, input: z.output<typeof regenerateRecoveryCodesSchema>, options: TwoFactorOptions = {}): Promise<{ recoveryCodes: string[] }> {
  const user = await loadOwn(prisma, actor);
  if (!user.totpEnabledAt) refuse("state", "2段階認証が有効になっていません。");
  await throttled(user.id, options);
  return inTransaction(prisma, async (tx) => {
    if (!(await acceptTotp(tx, user, input.code, options))) return wrongCode(user.id, options, "code", "確認コードが正しくありません");
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await writeAudit(tx, { organizationId: null, userId: user.id, action: "user.recoveryCodesRegenerate", entityType: "User", entityId: user.id, after: { recoveryCodes: recoveryCodes.length }, via: actor.via });
    return { recoveryCodes };
  });
}

/** Organisations in which the user is an admin and which require two-factor sign-in of their admins. */
export async function organizationsRequiringTwoFactor(prisma: PrismaClient | Tx, userId: string): Promise<string[]> {
  const rows = await prisma.membership.findMany({ where: { userId, role: "admin", organization: { requireAdminTwoFactor: true } }, select: { organization: { select: { name: true } } } });
  return rows.map((r) => r.organization.name);
}

/** Turns two-factor sign-in off, with the password and a code (or a recovery code); not for a required admin. */
export async function disableTwoFactor(prisma: PrismaClient, actor: Actor, input: z.output<typeof disableTwoFactorSchema>, options: TwoFactorOptions = {}): Promise<{ disabled: true }> {
  const user = await loadOwn(prisma, actor);
  if (!user.totpEnabledAt) refuse("state", "2段階認証は有効になっていません。");
  const required = await organizationsRequiringTwoFactor(prisma, user.id);
  if (required.length > 0) refuse("state", `${required.join("・")}では管理者に2段階認証が必須のため、無効にできません。`);
  await throttled(user.id, options);
  // the same work whether or not the password is right (argon2 verification)
  if (!(await verifyPassword(user.passwordHash, input.password))) return wrongCode(user.id, options, "password", "パスワードが正しくありません");
  if (!(await verifySecondFactor(prisma, user, input.code, options))) return wrongCode(user.id, options, "code", "確認コードまたは回復コードが正しくありません");
  await inTransaction(prisma, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await writeAudit(tx, { organizationId: null, userId: user.id, action: "user.twoFactorDisable", entityType: "User", entityId: user.id, before: { enabled: true }, after: { enabled: false }, via: actor.via });
  });
  return { disabled: true };
}

/** For the account page: whether it is on, pending, and how many recovery codes are left. */
export async function getTwoFactorStatus(prisma: PrismaClient, userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true, totpSecret: true, totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } } });
  return {
    passwordAccount: Boolean(user?.passwordHash),
    enabledAt: user?.totpEnabledAt ?? null,
    pending: Boolean(user?.totpSecret && !user.totpEnabledAt),
    recoveryCodesLeft: user?._count.recoveryCodes ?? 0,
    requiredBy: await organizationsRequiringTwoFactor(prisma, userId),
  };
}
