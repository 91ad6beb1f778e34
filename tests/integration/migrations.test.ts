import { describe, expect, inject, it } from "vitest";
import pg from "pg";
import { diffMigrationsToSchema, migrationList } from "../../ops/migrations/migrations";
import { poolConfigFromUrl } from "../../lib/database-url";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("empty");

describe("migrations", () => {
  it("are recorded in _prisma_migrations as prisma migrate deploy would", async () => {
    const client = new pg.Client(poolConfigFromUrl(database.url));
    await client.connect();
    try {
      const { rows } = await client.query("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name");
      expect(rows.map((r) => r.migration_name)).toEqual(migrationList().migrationDirectories.map((d) => d.path));
      for (const r of rows) {
        expect(r.finished_at).not.toBeNull();
        expect(r.rolled_back_at).toBeNull();
      }
    } finally {
      await client.end();
    }
  });

  it("bring the database exactly to schema.prisma (the engine's diff is empty)", async () => {
    expect(await diffMigrationsToSchema(database.url)).toBe("");
    expect(inject("adminUrl")).toBeTruthy();
  });
});
