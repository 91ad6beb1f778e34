// Fresh databases for tests: on the PostgreSQL named by TEST_DATABASE_URL when set (CI uses the machine's
// PostgreSQL 15), otherwise on an embedded PostgreSQL started in a temporary directory for this run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "../../ops/database/embedded";
import { poolConfigFromUrl, withDatabase } from "../../lib/database-url";

export type TestServer = { adminUrl: string; stop: () => Promise<void> };

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { adminUrl: external, stop: async () => {} };
  const dir = mkdtempSync(path.join(tmpdir(), "kpi-test-pg-"));
  const db = await startEmbeddedPostgres({ dataDir: dir, ephemeral: true });
  return {
    adminUrl: db.adminUrl,
    stop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function admin(adminUrl: string, sql: string) {
  const client = new pg.Client(poolConfigFromUrl(adminUrl));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function uniqueDatabaseName(prefix = "kpi_test"): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** Creates an empty database (or a copy of `template`) and returns its URL. */
export async function createDatabase(adminUrl: string, name = uniqueDatabaseName(), template?: string): Promise<string> {
  await admin(adminUrl, `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
