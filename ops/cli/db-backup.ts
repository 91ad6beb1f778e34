// `npm run db:backup [-- --out <file>] [-- --method pg_dump|copy]`: one consistent snapshot of the database
// (DATABASE_URL, or the embedded one under KPI_DATA_DIR) in a file: kpi-backup-<date>-<time>.backup by default.
import { parseArgs } from "node:util";
import path from "node:path";
import { format } from "date-fns";
import { withDatabaseUrl } from "../database/resolve";
import { backupDatabase, type BackupMethod } from "../database/backup";

const { values } = parseArgs({ options: { out: { type: "string" }, method: { type: "string" } } });
if (values.method && values.method !== "pg_dump" && values.method !== "copy") {
  console.error("usage: npm run db:backup -- [--out <ファイル>] [--method pg_dump|copy]");
  process.exit(2);
}
const file = path.resolve(values.out ?? `kpi-backup-${format(new Date(), "yyyyMMdd-HHmmss")}.backup`);
try {
  await withDatabaseUrl(async (url) => {
    const r = await backupDatabase(url, file, values.method as BackupMethod | undefined);
    console.log(`バックアップを作成しました / backup written: ${r.file}（${r.method === "pg_dump" ? "pg_dump" : `COPY、${r.tables} 表・${r.rows} 行`}）`);
  });
} catch (e) {
  console.error(`バックアップできませんでした / backup failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
