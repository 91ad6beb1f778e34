// vitest global setup for integration tests: one PostgreSQL for the run (embedded unless TEST_DATABASE_URL)
// and a migrated, seeded template database; each test file copies the template into its own database.
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../ops/migrations/migrations";
import { createPrismaClient } from "../../lib/db";
import { seedDatabase } from "../../lib/seeds/seed-database";
import { createDatabase, dropDatabase, startTestServer, uniqueDatabaseName } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    emptyTemplate: string;
    seededTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const emptyTemplate = uniqueDatabaseName("kpi_tpl_empty");
  const seededTemplate = uniqueDatabaseName("kpi_tpl_seeded");
  const emptyUrl = await createDatabase(server.adminUrl, emptyTemplate);
  await applyMigrations(emptyUrl);
  const seededUrl = await createDatabase(server.adminUrl, seededTemplate, emptyTemplate);
  const prisma = createPrismaClient(seededUrl);
  try {
    await seedDatabase(prisma);
  } finally {
    await prisma.$disconnect();
  }
  project.provide("adminUrl", server.adminUrl);
  project.provide("emptyTemplate", emptyTemplate);
  project.provide("seededTemplate", seededTemplate);
  return async () => {
    await dropDatabase(server.adminUrl, seededTemplate);
    await dropDatabase(server.adminUrl, emptyTemplate);
    await server.stop();
  };
}
