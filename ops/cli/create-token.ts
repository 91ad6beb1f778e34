// `npm run token:create -- --email <user> --name <label> [--days N | --no-expiry]`: a personal API token for a
// user, printed once (only its hash is stored). Operators' tooling: the /account page caps tokens at 365 days;
// here a token may also have no expiry (for a server-to-server job the operator looks after).
import { parseArgs } from "node:util";
import { withDatabaseUrl } from "../database/resolve";
import { prepareDatabase } from "../database/prepare";
import { createPrismaClient } from "../../lib/db";
import { createApiToken } from "../../lib/tokens/mutations";
import { createTokenSchema } from "../../lib/tokens/schemas";
import { Refusal } from "../../lib/actions/refusal";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, days: { type: "string" }, "no-expiry": { type: "boolean" } } });
if (!values.email || !values.name || (values.days && values["no-expiry"])) {
  console.error("usage: npm run token:create -- --email <メールアドレス> --name <トークンの名前> [--days <1〜365、既定 90> | --no-expiry]");
  process.exit(2);
}
const parsed = createTokenSchema.safeParse({ name: values.name, days: values.days ?? "" });
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => i.message).join("\n"));
  process.exit(2);
}
await withDatabaseUrl(async (url) => {
  await prepareDatabase(url);
  const prisma = createPrismaClient(url);
  try {
    const user = await prisma.user.findUnique({ where: { email: values.email!.trim().toLowerCase() }, select: { id: true, disabled: true } });
    if (!user) throw new Error(`利用者 ${values.email} はいません`);
    if (user.disabled) throw new Error(`利用者 ${values.email} は無効になっています`);
    const created = await createApiToken(prisma, { id: user.id, memberships: [], via: { channel: "cli" } }, { name: parsed.data.name, days: values["no-expiry"] ? null : parsed.data.days });
    console.error(`「${created.name}」を作成しました（有効期限：${created.expiresAt ? created.expiresAt.toISOString() : "なし"}）。このトークンは二度と表示されません：`);
    console.log(created.token);
  } catch (e) {
    console.error(e instanceof Refusal || e instanceof Error ? e.message : e);
    process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
});
