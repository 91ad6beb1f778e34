// `npm run user:create-operator -- --email ops@example.jp [--name 氏名]`: an installation operator (運用管理者), who
// adds organisations and their first administrator at /system. An operator is a member of no organisation.
// The password is read from the terminal (or ADMIN_PASSWORD for scripted setups). An existing user is made an
// operator and given the new password.
import { parseArgs } from "node:util";
import { z } from "zod";
import { withDatabaseUrl } from "../database/resolve";
import { readNewPassword } from "./read-password";
import { prepareDatabase } from "../database/prepare";
import { createPrismaClient } from "../../lib/db";
import { hashPassword } from "../../lib/auth/passwords";
import { writeAudit } from "../../lib/audit/log";

const USAGE = "使い方: npm run user:create-operator -- --email <メールアドレス> [--name <氏名>]";
let values: { email?: string; name?: string };
try {
  ({ values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } }));
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
const email = z.string().trim().toLowerCase().email().safeParse(values.email ?? "");
if (!email.success) {
  console.error(values.email ? `メールアドレスの形式が正しくありません: ${values.email}\n${USAGE}` : USAGE);
  process.exit(2);
}
const password = await readNewPassword();
await withDatabaseUrl(async (url) => {
  await prepareDatabase(url);
  const prisma = createPrismaClient(url);
  try {
    const passwordHash = await hashPassword(password);
    const name = values.name?.trim() || "運用管理者";
    await prisma.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { email: email.data }, select: { isOperator: true } });
      const user = await tx.user.upsert({ where: { email: email.data }, create: { email: email.data, name, passwordHash, isOperator: true }, update: { passwordHash, isOperator: true, disabled: false } });
      await writeAudit(tx, { organizationId: null, userId: null, action: before ? "user.makeOperator" : "user.createOperator", entityType: "User", entityId: user.id, before: before ?? undefined, after: { email: email.data, isOperator: true }, via: { channel: "cli" } });
    });
    console.log(`運用管理者 ${email.data} を登録しました。サインイン後、/system で団体を追加できます。`);
  } finally {
    await prisma.$disconnect();
  }
});
