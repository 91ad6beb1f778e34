// `npm run user:create-admin -- --email a@b.jp --name 氏名 --organization 430005`: the first administrator of a
// real installation. The password is read from the terminal (or ADMIN_PASSWORD for scripted setups).
import { parseArgs } from "node:util";
import { withDatabaseUrl } from "../database/resolve";
import { readNewPassword } from "./read-password";
import { prepareDatabase } from "../database/prepare";
import { createPrismaClient } from "../../lib/db";
import { hashPassword } from "../../lib/auth/passwords";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, organization: { type: "string" } } });
if (!values.email || !values.name || !values.organization) {
  console.error("usage: npm run user:create-admin -- --email <メールアドレス> --name <氏名> --organization <団体コード>");
  process.exit(2);
}
const password = await readNewPassword();
await withDatabaseUrl(async (url) => {
  await prepareDatabase(url);
  const prisma = createPrismaClient(url);
  try {
    const org = await prisma.organization.findUnique({ where: { code: values.organization! } });
    if (!org) throw new Error(`団体コード ${values.organization} の団体がありません`);
    const email = values.email!.trim().toLowerCase();
    const passwordHash = await hashPassword(password);
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.upsert({ where: { email }, create: { email, name: values.name!, passwordHash }, update: { passwordHash, disabled: false } });
      await tx.membership.upsert({
        where: { userId_organizationId_role: { userId: user.id, organizationId: org.id, role: "admin" } },
        create: { userId: user.id, organizationId: org.id, role: "admin" },
        update: {},
      });
      await tx.auditLog.create({ data: { organizationId: org.id, action: "user.createAdmin", entityType: "User", entityId: user.id, after: { email, via: "cli" } } });
    });
    console.log(`${org.name} の管理者 ${email} を作成しました`);
  } finally {
    await prisma.$disconnect();
  }
});
