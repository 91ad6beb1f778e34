// Checking a sign-in: disabled accounts and throttling after repeated failures (5 failures lock the
// account for 15 minutes). Every failure answers with the same message, so it reveals no accounts.
import type { PrismaClient } from "../generated/prisma/client";
import { verifyPassword } from "./passwords";

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const SIGN_IN_FAILED = "メールアドレスまたはパスワードが正しくありません。";
export const SIGN_IN_LOCKED = `サインインの失敗が続いたため、${LOCK_MINUTES}分間サインインできません。`;

export type SignInResult = { ok: true; user: { id: string; name: string; email: string; sessionVersion: number } } | { ok: false; message: string };

export async function checkSignIn(prisma: PrismaClient, email: string, password: string, now = new Date()): Promise<SignInResult> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user || user.disabled) {
    await verifyPassword(null, password); // same work either way
    return { ok: false, message: SIGN_IN_FAILED };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, message: SIGN_IN_LOCKED };
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedLogins + 1;
    await prisma.user.update({
      where: { id: user.id },
      data: failures >= MAX_FAILURES ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) } : { failedLogins: failures },
    });
    return { ok: false, message: failures >= MAX_FAILURES ? SIGN_IN_LOCKED : SIGN_IN_FAILED };
  }
  if (user.failedLogins > 0 || user.lockedUntil) await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } };
}
