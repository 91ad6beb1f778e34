// Checking a sign-in. Every failure — unknown e-mail, disabled account, account without a password, wrong
// password — gets the same answer after the same work (a real argon2 verification), so that neither the message
// nor the time reveals which accounts exist. Repeated failures are throttled per account and source and per
// source (lib/auth/throttle.ts), never by locking the account: a stranger cannot keep its owner out.
// With two-factor sign-in on, the right password alone is not a success: only then does the answer ask for the code
// (so the question reveals nothing to whoever does not know the password), a wrong code counts as a failure, and
// the failures are cleared only when the code is right too.
import type { PrismaClient } from "../generated/prisma/client";
import { verifyPassword } from "./passwords";
import { recordFailure, recordSuccess, throttledFor } from "./throttle";
import { verifySecondFactor, type TwoFactorOptions } from "../users/two-factor";
import { TWO_FACTOR_REQUIRED, TWO_FACTOR_WRONG } from "./two-factor-messages";

export const SIGN_IN_FAILED = "メールアドレスまたはパスワードが正しくありません。";
export const throttledMessage = (seconds: number) =>
  `サインインの失敗が続いたため、この接続元からのサインインを一時的に止めています。約${Math.max(1, Math.ceil(seconds / 60))}分後にもう一度お試しください。`;

export type SignInResult =
  | { ok: true; user: { id: string; name: string; email: string; sessionVersion: number; mfa: boolean } }
  | { ok: false; message: string; throttled?: boolean; needsCode?: true };

export async function checkSignIn(
  prisma: PrismaClient,
  email: string,
  password: string,
  source = "unknown",
  databaseUrl = process.env.DATABASE_URL ?? "",
  code = "",
  twoFactor: Omit<TwoFactorOptions, "databaseUrl"> = {},
): Promise<SignInResult> {
  const account = email.trim().toLowerCase().slice(0, 200);
  const wait = await throttledFor(databaseUrl, account, source);
  if (wait > 0) {
    await verifyPassword(null, password); // the same work as any other answer
    return { ok: false, message: throttledMessage(wait), throttled: true };
  }
  const user = account ? await prisma.user.findUnique({ where: { email: account } }) : null;
  const usable = user && !user.disabled ? user : null;
  const valid = await verifyPassword(usable?.passwordHash ?? null, password);
  if (!usable || !valid) {
    await recordFailure(databaseUrl, account, source);
    return { ok: false, message: SIGN_IN_FAILED };
  }
  let mfa = false;
  if (usable.totpEnabledAt) {
    if (!code.trim()) return { ok: false, message: TWO_FACTOR_REQUIRED, needsCode: true };
    if (!(await verifySecondFactor(prisma, usable, code.slice(0, 40), { ...twoFactor, databaseUrl }))) {
      await recordFailure(databaseUrl, account, source);
      return { ok: false, message: TWO_FACTOR_WRONG, needsCode: true };
    }
    mfa = true;
  }
  await recordSuccess(databaseUrl, account, source);
  return { ok: true, user: { id: usable.id, name: usable.name, email: usable.email, sessionVersion: usable.sessionVersion, mfa } };
}
