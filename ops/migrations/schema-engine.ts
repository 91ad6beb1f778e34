// Prisma's own schema engine (WebAssembly build, @prisma/schema-engine-wasm), driven through the pg driver
// adapter. It generates migration SQL from schema.prisma and applies migrations exactly as
// `prisma migrate deploy` would (recorded in _prisma_migrations), without the native engine binary that
// cannot be downloaded on every machine.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { randomUUID } from "node:crypto";
import pg from "pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { poolConfigFromUrl } from "../../lib/database-url";

const require = createRequire(import.meta.url);
let loaded: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | null = null;

/** Instantiates the engine's .wasm ourselves, so Node needs no --experimental-wasm-modules flag. */
function loadEngineModule() {
  loaded ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
    (bg as unknown as { __wbg_set_wasm(w: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg;
  })();
  return loaded;
}

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
export const noFilters = { externalTables: [] as string[], externalEnums: [] as string[] };

export async function withSchemaEngine<T>(databaseUrl: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const bg = await loadEngineModule();
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const factory = migrationAdapterFactory(databaseUrl);
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(factory);
  const logs: string[] = [];
  const engine = await (bg.SchemaEngine as unknown as typeof SchemaEngine).new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (log: string) => logs.push(log),
    adapterFactory,
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    // the engine does not close its connections: close them, so the database can be copied or dropped
    await factory.disposeAll();
  }
}

/**
 * The pg adapter factory, with a shadow database that is dropped only after its pool has closed
 * (adapter-pg 7.10 drops it while its own pool still holds a connection, which PostgreSQL refuses).
 */
function migrationAdapterFactory(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory & { disposeAll(): Promise<void> } {
  const config: pg.PoolConfig = { ...poolConfigFromUrl(databaseUrl), Client: CharAsTextClient };
  const base = new PrismaPg(config);
  const admin = async (sql: string) => {
    const client = new pg.Client(config);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const open: { dispose(): Promise<void> }[] = [];
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    async connect() {
      const adapter = withCharColumns(await base.connect());
      open.push(adapter);
      return adapter;
    },
    async disposeAll() {
      await Promise.allSettled(open.splice(0).map((a) => a.dispose()));
    },
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, "")}`;
      await admin(`CREATE DATABASE "${name}"`);
      const adapter = withCharColumns(await new PrismaPg({ ...config, database: name }).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      return adapter;
    },
  };
}

const PG_CHAR_OID = 18;
const PG_UUID_OID = 2950;

/**
 * adapter-pg 7.10 has no mapping for PostgreSQL's one-byte "char" type (pg_catalog columns such as contype),
 * so the engine cannot describe a database (PostgreSQL 18 lists NOT NULL constraints there). The client
 * relabels such columns as uuid — a type no catalog query returns, and whose text value the adapter passes
 * through unchanged — and withCharColumns() reports those columns to the engine as characters.
 * Used only on the schema engine's connections, never for the app's queries.
 */
class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const fix = (r: pg.QueryResult | undefined) => {
      for (const f of r?.fields ?? []) if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_UUID_OID;
      return r;
    };
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (err: Error | null, r: pg.QueryResult) => callback(err, fix(r));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    return result && typeof result.then === "function" ? result.then(fix) : result;
  }
}

function withCharColumns<T extends SqlDriverAdapter>(adapter: T): T {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    result.columnTypes = result.columnTypes.map((t) => (t === ColumnTypeEnum.Uuid ? ColumnTypeEnum.Character : t));
    return result;
  };
  return adapter;
}
