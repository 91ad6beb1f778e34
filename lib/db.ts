// The one PrismaClient of the app (driver adapter, no native engine). Created on first use so that
// `next build` needs no database; DATABASE_URL is set by the launcher (lib/cli/start.ts) or the user.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}

const globalForDb = globalThis as unknown as { kpiPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForDb.kpiPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
    globalForDb.kpiPrisma = createPrismaClient(url);
  }
  return globalForDb.kpiPrisma;
}
