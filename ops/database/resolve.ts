// Which PostgreSQL a command talks to: DATABASE_URL when set (a real installation), otherwise the embedded
// one with its data under .data/ (started for the command and stopped after it).
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded";

export const DATA_DIR = path.resolve(process.env.KPI_DATA_DIR ?? ".data");
export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

export async function withDatabaseUrl<T>(fn: (url: string, embedded: boolean) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL, false);
  const db = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: EMBEDDED_PORT, reuseRunning: true });
  try {
    return await fn(db.url, true);
  } finally {
    await db.stop();
  }
}
