// Bringing a database to a usable state: pending migrations applied, the seed loaded if it is empty.
import { applyMigrations } from "../migrations/migrations";
import { createPrismaClient } from "../../lib/db";
import { seedDatabase } from "../../lib/seeds/seed-database";

export async function prepareDatabase(url: string, log: (m: string) => void = () => {}): Promise<void> {
  const applied = await applyMigrations(url);
  if (applied.length) log(`migrations applied: ${applied.join(", ")}`);
  const prisma = createPrismaClient(url);
  try {
    if ((await prisma.organization.count()) === 0) {
      const c = await seedDatabase(prisma);
      log(`empty database seeded: ${c.organizations} organisations, ${c.plans} plans, ${c.measures} measures`);
    }
  } finally {
    await prisma.$disconnect();
  }
}
