// Counting the SQL statements a data function sends: the app's client (globalThis.kpiPrisma) is replaced by
// one that counts, for the test file's database.
import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { createPrismaClient } from "../../lib/db";

export function useQueryCounter(database: { url: string }) {
  let count = 0;
  let counted: PrismaClient;
  const global = globalThis as unknown as { kpiPrisma?: PrismaClient };
  beforeAll(() => {
    counted = createPrismaClient(database.url, { onQuery: () => count++ });
    global.kpiPrisma = counted;
  });
  afterAll(async () => {
    global.kpiPrisma = undefined;
    await counted.$disconnect();
  });
  /** How many statements `fn` sends. */
  return async function queries(fn: () => Promise<unknown>): Promise<number> {
    count = 0;
    await fn();
    return count;
  };
}
