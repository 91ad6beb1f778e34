// `npm run org:create -- --code 402273 --name 嘉麻市 --kind municipality --admin-email a@b.jp [--admin-name 氏名]`:
// adds an organisation and its first administrator, through the same function as the /system page (acting as
// an operator over the CLI channel), and prints the administrator's initial password once.
import { parseArgs } from "node:util";
import { withDatabaseUrl } from "../database/resolve";
import { prepareDatabase } from "../database/prepare";
import { createPrismaClient } from "../../lib/db";
import { CLI_OPERATOR, createOrganization, createOrganizationSchema } from "../../lib/organizations/mutations";
import { runAction } from "../../lib/actions/action";

const USAGE = "使い方: npm run org:create -- --code <団体コード6桁> --name <団体名> --kind <prefecture|municipality> --admin-email <メールアドレス> [--admin-name <氏名>]";
const KINDS: Record<string, string> = { prefecture: "prefecture", municipality: "municipality", 都道府県: "prefecture", 市区町村: "municipality" };
let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({ options: { code: { type: "string" }, name: { type: "string" }, kind: { type: "string" }, "admin-email": { type: "string" }, "admin-name": { type: "string" } } }));
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!values.code || !values.name || !values.kind || !values["admin-email"]) {
  console.error(USAGE);
  process.exit(2);
}
const input = { code: values.code, name: values.name, kind: KINDS[values.kind] ?? values.kind, adminEmail: values["admin-email"], adminName: values["admin-name"] };
const FIELD_NAMES: Record<string, string> = { code: "--code", name: "--name", kind: "--kind", adminEmail: "--admin-email", adminName: "--admin-name" };

const exitCode = await withDatabaseUrl(async (url) => {
  await prepareDatabase(url);
  const prisma = createPrismaClient(url);
  try {
    const result = await runAction(CLI_OPERATOR, input, { name: "org:create", schema: createOrganizationSchema, run: (actor, i) => createOrganization(prisma, actor, i), publishes: true, message: "団体を登録しました。" }, "route");
    if (result.status === "error") {
      console.error(result.message);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) console.error(`  ${FIELD_NAMES[field] ?? field}: ${message}`);
      return result.code === "invalid" ? 2 : 1;
    }
    const d = result.data!;
    console.log(`${d.name}（団体コード ${d.code}）を登録しました。`);
    console.log(`管理者: ${d.adminEmail}`);
    console.log(`初期パスワード: ${d.initialPassword}`);
    console.log("この初期パスワードは再表示できません。安全な方法で管理者本人に渡し、サインイン後に変更してもらってください。");
    return 0;
  } finally {
    await prisma.$disconnect();
  }
});
process.exit(exitCode);
