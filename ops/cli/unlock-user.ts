// `npm run user:unlock -- <email> [--reset-two-factor]`: the operator's way back in for an account.
//  - always: forgets that account's failed sign-ins from every source (e.g. an admin whose password was mistyped
//    from the office's one address). The address-wide limit is left alone: it protects every account.
//  - --reset-two-factor: for someone who lost both the phone and the recovery codes: turns two-factor sign-in off
//    (secret and recovery codes deleted), ends their sessions, and records it in the audit log. They enrol again.
import { parseArgs } from "node:util";
import { withDatabaseUrl } from "../database/resolve";
import { clearAccount, closeThrottle } from "../../lib/auth/throttle";
import { createPrismaClient } from "../../lib/db";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { "reset-two-factor": { type: "boolean" } } });
const email = positionals[0]?.trim().toLowerCase();
if (!email) {
  console.error("使い方: npm run user:unlock -- <メールアドレス> [--reset-two-factor]");
  process.exit(2);
}
await withDatabaseUrl(async (url) => {
  const prisma = createPrismaClient(url);
  try {
    const user = await prisma.user.findUnique({ where: { email }, select: { id: true, totpEnabledAt: true } });
    const cleared = await clearAccount(url, email);
    if (user) await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
    console.log(user ? `${email} のサインイン制限を解除しました（記録 ${cleared} 件を消去）。` : `${email} の利用者は登録されていません（記録 ${cleared} 件を消去）。`);
    if (values["reset-two-factor"] && user) {
      await prisma.$transaction(async (tx) => {
        await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
        await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } } });
        await tx.auditLog.create({ data: { userId: null, action: "user.twoFactorReset", entityType: "User", entityId: user.id, channel: "cli", before: { twoFactor: Boolean(user.totpEnabledAt) }, after: { twoFactor: false } } });
      });
      console.log(`${email} の2段階認証を解除しました。本人はパスワードでサインインし、「アカウント」で登録し直してください。`);
    }
  } finally {
    await prisma.$disconnect();
    await closeThrottle();
  }
});
