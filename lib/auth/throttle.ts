// Sign-in throttling (rate-limiter-flexible, counters in PostgreSQL so that they hold across processes).
// Two limits, counted on failures only:
//  - per account and source: 5 failures in 15 minutes block that account from that source for 15 minutes;
//  - per source: 50 failures in an hour block the source for an hour (password spraying over many accounts).
// Neither is a lock on the account itself: a stranger failing from their own address cannot keep the owner out
// from theirs. Unknown e-mail addresses are counted exactly like known ones, so throttling reveals no accounts.
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

export const ACCOUNT_SOURCE_LIMIT = { points: 5, duration: 15 * 60, blockDuration: 15 * 60 };
export const SOURCE_LIMIT = { points: 50, duration: 60 * 60, blockDuration: 60 * 60 };
const TABLE = "sign_in_throttle";
const ACCOUNT_PREFIX = "signin_account_source";
const SOURCE_PREFIX = "signin_source";

type Limiters = { accountSource: RateLimiterPostgres; source: RateLimiterPostgres; pool: pg.Pool };
const cache = new Map<string, Limiters>();

function limiters(databaseUrl: string): Limiters {
  let found = cache.get(databaseUrl);
  if (!found) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
    // the table is created by a migration (model SignInThrottle), not by the library at run time
    const common = { storeClient: pool, storeType: "pool", tableName: TABLE, tableCreated: true, clearExpiredByTimeout: false };
    found = {
      pool,
      accountSource: new RateLimiterPostgres({ ...common, keyPrefix: ACCOUNT_PREFIX, ...ACCOUNT_SOURCE_LIMIT }),
      source: new RateLimiterPostgres({ ...common, keyPrefix: SOURCE_PREFIX, ...SOURCE_LIMIT }),
    };
    cache.set(databaseUrl, found);
  }
  return found;
}

const accountKey = (email: string, source: string) => `${email}|${source}`;

/** Seconds until a throttled source may try again, or 0 when it may try now. */
export async function throttledFor(databaseUrl: string, email: string, source: string): Promise<number> {
  const l = limiters(databaseUrl);
  const [a, s] = await Promise.all([l.accountSource.get(accountKey(email, source)), l.source.get(source)]);
  const wait = (res: RateLimiterRes | null, points: number) => (res && res.consumedPoints >= points ? Math.ceil(res.msBeforeNext / 1000) : 0);
  return Math.max(wait(a, ACCOUNT_SOURCE_LIMIT.points), wait(s, SOURCE_LIMIT.points));
}

/** Counts one failed sign-in against both limits. */
export async function recordFailure(databaseUrl: string, email: string, source: string): Promise<void> {
  const l = limiters(databaseUrl);
  // a rejection only says the limit is now reached: the next attempt is answered by throttledFor
  await Promise.all([l.accountSource.consume(accountKey(email, source)).catch(ignoreLimit), l.source.consume(source).catch(ignoreLimit)]);
}

/** A successful sign-in clears that account's failures from that source (not the source's own count). */
export async function recordSuccess(databaseUrl: string, email: string, source: string): Promise<void> {
  await limiters(databaseUrl).accountSource.delete(accountKey(email, source));
}

/** The operator's unlock: forgets the failures of one account from every source; returns how many were cleared. */
export async function clearAccount(databaseUrl: string, email: string): Promise<number> {
  const { pool } = limiters(databaseUrl);
  const like = `${ACCOUNT_PREFIX}:${email.replace(/[\\%_]/g, (c) => `\\${c}`)}|%`;
  const res = await pool.query(`DELETE FROM ${TABLE} WHERE key LIKE $1`, [like]);
  return res.rowCount ?? 0;
}

/** For tests and CLIs that end: closes the pools. */
export async function closeThrottle(): Promise<void> {
  const all = [...cache.values()];
  cache.clear();
  await Promise.all(all.map((l) => l.pool.end()));
}

function ignoreLimit(e: unknown) {
  if (e instanceof RateLimiterRes) return;
  throw e;
}
