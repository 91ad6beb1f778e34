// `npm run db:seed`: validates every seed file and its evidence, then loads them all in one transaction.
import { SeedValidationError } from "../../lib/seeds/read-seed-files";
import { seedDatabase } from "../../lib/seeds/seed-database";
import { withDatabaseUrl } from "../database/resolve";
import { createPrismaClient } from "../../lib/db";
import { applyMigrations } from "../migrations/migrations";

try {
  await withDatabaseUrl(async (url) => {
    await applyMigrations(url);
    const prisma = createPrismaClient(url);
    try {
      const c = await seedDatabase(prisma);
      console.log(`seeded: ${c.organizations} organisations, ${c.plans} plans, ${c.measures} measures, ${c.entries} sheet entries`);
    } finally {
      await prisma.$disconnect();
    }
  });
} catch (e) {
  if (e instanceof SeedValidationError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
