// `npm run export:json [-- --organization 430005 --plan kumamoto-2020]`: the whole dataset as JSON on stdout.
// Needs no running app: uses DATABASE_URL, or the embedded database (reusing a running one, else starting it).
import { parseArgs } from "node:util";
import { withDatabaseUrl } from "../database/resolve";
import { prepareDatabase } from "../database/prepare";
import { createPrismaClient } from "../../lib/db";
import { exportDataset } from "../../lib/export/dataset";

const { values } = parseArgs({ options: { organization: { type: "string" }, plan: { type: "string" } } });
await withDatabaseUrl(async (url) => {
  await prepareDatabase(url, (m) => console.error(`[kpi] ${m}`));
  const prisma = createPrismaClient(url);
  try {
    const data = await exportDataset(prisma, { organizationCode: values.organization, planSlug: values.plan, audience: "full" });
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  } finally {
    await prisma.$disconnect();
  }
});
