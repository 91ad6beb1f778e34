// `npm run user:unlock -- <email>`: the operator's way back in for an account whose sign-ins are throttled
// (e.g. an admin whose password was mistyped from the office's one address): forgets that account's failed
// sign-ins from every source. The address-wide limit is left alone: it protects every account.
import { withDatabaseUrl } from "../database/resolve";
import { clearAccount, closeThrottle } from "../auth/throttle";
import { createPrismaClient } from "../db";

const email = process.argv[2]?.trim().toLowerCase();
if (!email) {
  console.error("使い方: npm run user:unlock -- <メールアドレス>");
  process.exit(2);
}
await withDatabaseUrl(async (url) => {
  const prisma = createPrismaClient(url);
  try {
    const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
    const cleared = await clearAccount(url, email);
    if (user) await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
    console.log(user ? `${email} のサインイン制限を解除しました（記録 ${cleared} 件を消去）。` : `${email} の利用者は登録されていません（記録 ${cleared} 件を消去）。`);
  } finally {
    await prisma.$disconnect();
    await closeThrottle();
  }
});
