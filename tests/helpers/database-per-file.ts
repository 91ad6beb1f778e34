// Gives a test file its own database, copied from the run's migrated (and optionally seeded) template.
import { afterAll, beforeAll, inject } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { createPrismaClient } from "../../lib/db";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "./test-database";

export function useTestDatabase(kind: "empty" | "seeded") {
  const state: { url: string; prisma: PrismaClient } = {} as never;
  const name = uniqueDatabaseName();
  beforeAll(async () => {
    const template = kind === "seeded" ? inject("seededTemplate") : inject("emptyTemplate");
    state.url = await createDatabase(inject("adminUrl"), name, template);
    state.prisma = createPrismaClient(state.url);
  });
  afterAll(async () => {
    await state.prisma?.$disconnect();
    await dropDatabase(inject("adminUrl"), name);
  });
  return state;
}
