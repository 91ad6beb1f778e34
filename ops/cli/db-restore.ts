// `npm run db:restore -- <file>`: restores a backup of `npm run db:backup` into an EMPTY database:
// DATABASE_URL (a new, empty database), or a new embedded one under KPI_DATA_DIR.
import path from "node:path";
import { existsSync } from "node:fs";
import { withDatabaseUrl } from "../database/resolve";
import { restoreDatabase, RestoreError } from "../database/backup";

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error("usage: npm run db:restore -- <バックアップのファイル>（復元先：DATABASE_URL の空のデータベース、または KPI_DATA_DIR の新しい組み込みデータベース）");
  process.exit(2);
}
try {
  await withDatabaseUrl(async (url) => {
    const r = await restoreDatabase(url, path.resolve(file));
    console.log(`復元しました / restored (${r.method === "pg_dump" ? "pg_restore" : `COPY、${r.tables} 表`})`);
  });
} catch (e) {
  console.error(`復元できませんでした / restore failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(e instanceof RestoreError ? 2 : 1);
}
