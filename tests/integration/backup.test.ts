// Backups that restore: back up, change data, restore into a new empty database, and the exported dataset
// (what `npm run export:json` prints) is exactly as it was at the backup — through the COPY protocol always,
// and through pg_dump / pg_restore where a pg_dump as new as the server is installed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { backupDatabase, pgDumpMajor, restoreDatabase } from "../../ops/database/backup";
import { poolConfigFromUrl } from "../../lib/database-url";
import { createPrismaClient } from "../../lib/db";
import { exportDataset } from "../../lib/export/dataset";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../helpers/test-database";
import { useTestDatabase } from "../helpers/database-per-file";

const database = useTestDatabase("seeded");
const dir = mkdtempSync(path.join(tmpdir(), "kpi-backup-"));
const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropDatabase(inject("adminUrl"), name);
  rmSync(dir, { recursive: true, force: true });
});

async function emptyDatabase() {
  const name = uniqueDatabaseName("kpi_restore");
  created.push(name);
  return createDatabase(inject("adminUrl"), name);
}

async function exported(url: string) {
  const prisma = createPrismaClient(url);
  try {
    return { data: await exportDataset(prisma, {}), audit: await prisma.auditLog.count(), users: await prisma.user.count() };
  } finally {
    await prisma.$disconnect();
  }
}

async function serverMajor(url: string) {
  const c = new pg.Client(poolConfigFromUrl(url));
  await c.connect();
  try {
    return Math.floor(Number((await c.query("SHOW server_version_num")).rows[0].server_version_num) / 10000);
  } finally {
    await c.end();
  }
}

describe("db:backup and db:restore", () => {
  it("restores the dataset exactly as it was at the backup (COPY protocol), after the data changed", async () => {
    const p = database.prisma;
    // some data entered in the app, with text that COPY must escape
    const m = await p.measure.findFirstOrThrow({ where: { plan: { slug: "kumamoto-2020" }, number: "6" } });
    await p.measure.update({ where: { id: m.id }, data: { notes: ["改行\nとタブ\tと \\ バックスラッシュ", "\\."] } });
    const before = await exported(database.url);
    const file = path.join(dir, "copy.backup");
    const r = await backupDatabase(database.url, file, "copy");
    expect(r.method).toBe("copy");
    expect(r.rows).toBeGreaterThan(500);

    // the data changes after the backup
    await p.measure.update({ where: { id: m.id }, data: { name: "バックアップ後に変更した名前" } });
    await p.sheetEntry.deleteMany({ where: { measureId: m.id } });
    expect((await exported(database.url)).data).not.toEqual(before.data);

    const target = await emptyDatabase();
    await restoreDatabase(target, file);
    expect(await exported(target)).toEqual(before);
  });

  it("uses pg_dump where one as new as the server is installed, and restores it the same way", async () => {
    const dump = pgDumpMajor();
    const major = await serverMajor(database.url);
    const file = path.join(dir, "auto.backup");
    const before = await exported(database.url);
    const r = await backupDatabase(database.url, file);
    expect(r.method).toBe(dump !== null && dump >= major ? "pg_dump" : "copy");
    const target = await emptyDatabase();
    await restoreDatabase(target, file);
    expect(await exported(target)).toEqual(before);
  });

  it("refuses to restore into a database that is not empty, or a file that is not a backup, changing nothing", async () => {
    const file = path.join(dir, "refuse.backup");
    await backupDatabase(database.url, file, "copy");
    const before = await exported(database.url);
    await expect(restoreDatabase(database.url, file)).rejects.toThrow(/空ではありません/);
    const junk = path.join(dir, "junk.backup");
    writeFileSync(junk, "not a backup");
    await expect(restoreDatabase(await emptyDatabase(), junk)).rejects.toThrow(/バックアップのファイルではありません/);
    expect(await exported(database.url)).toEqual(before);
  });
});
