// Backups that restore. A backup is one consistent snapshot of the whole database:
// - with a pg_dump at least as new as the server (e.g. Debian's pg_dump 15 for a PostgreSQL 15): pg_dump's
//   custom format, restored by pg_restore in one transaction;
// - otherwise (the embedded PostgreSQL 18 ships no pg_dump, and an older pg_dump refuses a newer server):
//   every table through PostgreSQL's COPY protocol inside one REPEATABLE READ, READ ONLY transaction, written as
//   a gzip file: a JSON header (format, migrations applied, tables in foreign-key order), then per table a JSON
//   line naming its columns, its rows in COPY text format and a `\.` line. Restored into an empty database after
//   the same migrations, all tables in one transaction, then any newer migrations.
import { spawnSync } from "node:child_process";
import { chmodSync, createReadStream, createWriteStream, openSync, readSync, closeSync } from "node:fs";
import { once } from "node:events";
import { createGunzip, createGzip } from "node:zlib";
import readline from "node:readline";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { poolConfigFromUrl } from "../../lib/database-url";
import { applyMigrations } from "../migrations/migrations";

export const BACKUP_FORMAT = "kpi-dashboard/backup";
export type BackupMethod = "pg_dump" | "copy";
export type BackupResult = { method: BackupMethod; file: string; tables: number; rows: number };

type Header = { format: string; version: 1; createdAt: string; serverVersion: string; migrations: string[]; tables: string[]; sequences: { name: string; value: string | null }[] };

const PG_MIGRATIONS = "_prisma_migrations";

async function connect(url: string) {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  return client;
}

/** The major version of the pg_dump on PATH (or PG_DUMP), or null when there is none. */
export function pgDumpMajor(bin = process.env.PG_DUMP ?? "pg_dump"): number | null {
  const r = spawnSync(bin, ["--version"], { encoding: "utf8" });
  const m = r.status === 0 ? /(\d+)(?:\.\d+)?/.exec(r.stdout) : null;
  return m ? Number(m[1]) : null;
}

async function serverMajor(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ v: number }>("SELECT current_setting('server_version_num')::int / 10000 AS v");
  return rows[0].v;
}

/** The public schema's tables (without Prisma's migrations table), parents before children. */
async function tablesInDependencyOrder(client: pg.Client): Promise<string[]> {
  const tables = (await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> $1 ORDER BY tablename", [PG_MIGRATIONS])).rows.map((r) => r.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint c
         JOIN pg_class ch ON ch.oid = c.conrelid JOIN pg_class pa ON pa.oid = c.confrelid
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND ch.oid <> pa.oid`,
    )
  ).rows;
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (order.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const e of edges) if (e.child === t) visit(e.parent);
    visiting.delete(t);
    order.push(t);
  };
  for (const t of tables) visit(t);
  return order.filter((t) => tables.includes(t));
}

async function columns(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ c: string }>(
    "SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position",
    [table],
  );
  return rows.map((r) => r.c);
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The connection for pg_dump / pg_restore in libpq's variables: the password never shows on a command line (ps),
 *  and parameters libpq does not know (in a Prisma-style URL) are not passed to it. */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const c = poolConfigFromUrl(url);
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: String(c.host ?? "localhost"),
    PGPORT: String(c.port ?? 5432),
    ...(c.user ? { PGUSER: c.user } : {}),
    ...(c.password ? { PGPASSWORD: String(c.password) } : {}),
    ...(c.database ? { PGDATABASE: c.database } : {}),
    ...(u.searchParams.get("sslmode") ? { PGSSLMODE: u.searchParams.get("sslmode")! } : {}),
  };
}

export async function backupDatabase(url: string, file: string, method?: BackupMethod): Promise<BackupResult> {
  const client = await connect(url);
  let chosen: BackupMethod;
  try {
    const major = await serverMajor(client);
    const dump = pgDumpMajor();
    chosen = method ?? (dump !== null && dump >= major ? "pg_dump" : "copy");
    if (chosen === "pg_dump" && (dump === null || dump < major)) throw new Error(`pg_dump ${dump ?? "(なし)"} では PostgreSQL ${major} をバックアップできません / pg_dump cannot dump this server`);
    if (chosen === "copy") return await copyBackup(client, file);
  } finally {
    await client.end();
  }
  const r = spawnSync(process.env.PG_DUMP ?? "pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`], { encoding: "utf8", env: libpqEnv(url) });
  if (r.status !== 0) throw new Error(`pg_dump failed: ${r.stderr.trim()}`);
  chmodSync(file, 0o600); // it holds password hashes and token hashes: the owner only, like the COPY file
  return { method: "pg_dump", file, tables: 0, rows: 0 };
}

async function copyBackup(client: pg.Client, file: string): Promise<BackupResult> {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  let rows = 0;
  try {
    const tables = await tablesInDependencyOrder(client);
    const migrations = (await client.query<{ n: string }>(`SELECT migration_name AS n FROM ${ident(PG_MIGRATIONS)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`)).rows.map((r) => r.n);
    const sequences = (await client.query<{ name: string; value: string | null }>("SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'")).rows;
    const { rows: v } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    const header: Header = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), serverVersion: v[0].v, migrations, tables, sequences };
    const gzip = createGzip();
    const out = createWriteStream(file, { mode: 0o600 });
    // a full disk or an unwritable folder: fail the backup with the reason (not an unhandled error event)
    let failed: Error | null = null;
    for (const stream of [gzip, out]) stream.on("error", (e: Error) => (failed ??= e));
    gzip.pipe(out);
    const write = async (chunk: string | Buffer) => {
      if (!gzip.write(chunk)) await once(gzip, "drain");
    };
    await write(`${JSON.stringify(header)}\n`);
    for (const table of tables) {
      const cols = await columns(client, table);
      await write(`${JSON.stringify({ table, columns: cols })}\n`);
      const stream = client.query(copyTo(`COPY ${ident(table)} (${cols.map(ident).join(", ")}) TO STDOUT`));
      for await (const chunk of stream as AsyncIterable<Buffer>) await write(chunk);
      rows += Number((stream as unknown as { rowCount?: number }).rowCount ?? 0);
      await write("\\.\n");
    }
    gzip.end();
    if (!failed) await Promise.race([once(out, "finish"), once(out, "error")]);
    if (failed) throw failed;
    await client.query("COMMIT");
    return { method: "copy", file, tables: tables.length, rows };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

function fileKind(file: string): "pg_dump" | "copy" | null {
  const fd = openSync(file, "r");
  const buf = Buffer.alloc(5);
  try {
    readSync(fd, buf, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  if (buf.toString("latin1") === "PGDMP") return "pg_dump";
  if (buf[0] === 0x1f && buf[1] === 0x8b) return "copy";
  return null;
}

export class RestoreError extends Error {}

/** Restores a backup into an EMPTY database (no tables in its public schema). */
export async function restoreDatabase(url: string, file: string): Promise<{ method: BackupMethod; tables: number }> {
  const kind = fileKind(file);
  if (!kind) throw new RestoreError("バックアップのファイルではありません / not a backup file");
  const client = await connect(url);
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM pg_tables WHERE schemaname = 'public'");
    if (rows[0].n !== "0") throw new RestoreError("復元先のデータベースが空ではありません。新しい空のデータベースを指定してください / the target database is not empty");
  } finally {
    await client.end();
  }
  if (kind === "pg_dump") {
    const r = spawnSync(process.env.PG_RESTORE ?? "pg_restore", ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${poolConfigFromUrl(url).database ?? "postgres"}`, file], { encoding: "utf8", env: libpqEnv(url) });
    if (r.status !== 0) throw new RestoreError(`pg_restore failed: ${r.stderr.trim()}`);
    await applyMigrations(url); // a backup from an older version: bring it up to this one
    return { method: "pg_dump", tables: 0 };
  }
  return copyRestore(url, file);
}

async function copyRestore(url: string, file: string): Promise<{ method: BackupMethod; tables: number }> {
  const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async () => {
    const r = await lines.next();
    return r.done ? null : r.value;
  };
  const first = await next();
  const header = first ? (JSON.parse(first) as Header) : null;
  if (!header || header.format !== BACKUP_FORMAT || header.version !== 1) throw new RestoreError("バックアップの形式が違います / unknown backup format");
  const applied = await applyMigrations(url, header.migrations);
  if (applied.length !== header.migrations.length) throw new RestoreError(`このバージョンにないマイグレーションを含むバックアップです / the backup needs migrations this version lacks: ${header.migrations.filter((m) => !applied.includes(m)).join(", ")}`);
  const client = await connect(url);
  let tables = 0;
  try {
    await client.query("BEGIN");
    for (;;) {
      const line = await next();
      if (line === null) break;
      if (line === "") continue;
      const { table, columns: cols } = JSON.parse(line) as { table: string; columns: string[] };
      const sink = client.query(copyFrom(`COPY ${ident(table)} (${cols.map(ident).join(", ")}) FROM STDIN`));
      const done = new Promise<void>((resolve, reject) => {
        sink.on("finish", resolve);
        sink.on("error", reject);
      });
      for (;;) {
        const row = await next();
        if (row === null) throw new RestoreError(`バックアップが途中で切れています（${table}）/ the backup file is truncated`);
        if (row === "\\.") break;
        if (!sink.write(`${row}\n`)) await once(sink, "drain");
      }
      sink.end();
      await done;
      tables++;
    }
    for (const s of header.sequences) if (s.value !== null) await client.query("SELECT setval($1, $2::bigint)", [ident(s.name), s.value]);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    // the schema (migrations) is already there, the data rolled back: a new attempt needs a new empty database
    throw new RestoreError(`データを復元できませんでした（何も入れていません。もう一度試すときは新しい空のデータベースを指定してください）/ the data could not be restored (nothing was loaded; use a new empty database to try again): ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await client.end();
  }
  await applyMigrations(url); // a backup from an older version: bring it up to this one
  return { method: "copy", tables };
}
