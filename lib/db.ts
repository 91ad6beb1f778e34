// The one PrismaClient of the app (driver adapter, no native engine). Created on first use so that
// `next build` needs no database; DATABASE_URL is set by the launcher (ops/cli/start.ts) or the user.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

export function createPrismaClient(databaseUrl: string, options: { onQuery?: (sql: string) => void } = {}): PrismaClient {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }),
    log: options.onQuery ? [{ emit: "event", level: "query" }] : [],
  });
  // counting queries (tests, benchmark): every SQL statement the client sends
  if (options.onQuery) (client as unknown as { $on(e: "query", cb: (ev: { query: string }) => void): void }).$on("query", (ev) => options.onQuery!(ev.query));
  return client;
}

const globalForDb = globalThis as unknown as { kpiPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForDb.kpiPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
    globalForDb.kpiPrisma = createPrismaClient(url, process.env.KPI_LOG_QUERIES === "1" ? { onQuery: (sql) => console.log(`[sql] ${sql}`) } : {});
  }
  return globalForDb.kpiPrisma;
}
