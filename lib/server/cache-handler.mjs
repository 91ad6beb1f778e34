// Next's incremental cache (next.config.ts `cacheHandler`): the public pages' data (lib/cache.ts) and the anonymous
// readers' copies of whole pages (lib/anonymous-cache) are kept here, together with the time each tag was last
// invalidated.
//
// - Without REDIS_URL: in this process's memory, least recently used first out, at most KPI_PAGE_CACHE_MB
//   (256 by default). With several server processes (KPI_WORKERS > 1) and no Redis, nothing is cached: an
//   invalidation in one process could not reach the others.
// - With REDIS_URL: entries and tag invalidations live in Redis, so an invalidation by any process (or machine) is
//   seen by every other one on its next read. Each process also keeps the entries it used in its memory (at most
//   KPI_PAGE_CACHE_MB) and, while they are fresh, asks Redis only for their tags' times (RedisStore). Redis
//   unreachable → every read is a miss (pages are rendered fresh), never an error page.
//
// The race (issue 16): a render that started before a write's commit may finish after the write invalidated its
// tags; stamped with the time it is stored, it would count as fresh and hide the write for minutes. Next does not
// tell a handler when a render started, but every render of a cached page or datum begins with a lookup that
// missed (or found an entry past its revalidate time): this process notes the earliest such lookup per key, and
// set() takes it as the render's start. An entry is stored, and later served, only when none of its tags (its own
// and the page's implicit path tags) was invalidated at or after that start. A set() without a noted lookup counts
// as started RENDER_WINDOW_MS earlier (longer than any render). get() checks again, since an invalidation may land
// (in another process) between set()'s check and its write.
//
// A plain .mjs file: Next imports it at run time from this path (it is not bundled).
import v8 from "node:v8";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createClient, RESP_TYPES } from "@redis/client";
import { withoutClientRuntime } from "./plain-html.mjs";

const TAGS_HEADER = "x-next-cache-tags";
/** The signed-out readers' copies of the public pages (lib/anonymous-cache/routing.ts ANONYMOUS_PREFIX): kept as
 *  plain HTML, without Next's client runtime (./plain-html.mjs). */
const ANONYMOUS_PAGES = "/anonymous/";

/** The page's path in a page entry's key: Next 16 names it `/route-cache/APP_PAGE/<hash>/$<path>`; earlier
 *  versions, the path alone. */
export function pagePathOf(key) {
  const marker = key.startsWith("/route-cache/") ? key.indexOf("/$/") : -1;
  return marker === -1 ? key : key.slice(marker + 2);
}

/** What is stored for a page: a signed-out reader's copy without its scripts; anything else as it is. */
export function storedValue(key, data) {
  if (data?.kind !== "APP_PAGE" || typeof data.html !== "string" || !pagePathOf(key).startsWith(ANONYMOUS_PAGES)) return data;
  const html = withoutClientRuntime(data.html);
  if (html === null) {
    // a Suspense boundary streamed out of order needs its script to show: kept whole (and said, since the copy is
    // then ~140 kB of script heavier for every reader)
    console.warn(`[cache] ${pagePathOf(key)}: a streamed part needs its script, so the stored copy keeps Next's client runtime`);
    return data;
  }
  return { ...data, html };
}
/** Longer than any render of a cached page or datum (KPI_CACHE_RENDER_WINDOW_S, 30 by default): how far back a
 *  render whose start was not noted is taken to have started. */
export const RENDER_WINDOW_MS = seconds(process.env.KPI_CACHE_RENDER_WINDOW_S, 30) * 1000;
/** An entry lives in Redis at most this long (next.config's expireTime); tag times a window longer. */
const ENTRY_TTL_S = 3600;
/** Sets a tag's time (KEYS[1]) to ARGV[1] with a TTL of ARGV[2] seconds, unless it already holds a later one. */
const RAISE_TAG_TIME = `local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) end
return 1`;
/** A Redis command that takes longer than this counts as Redis unreachable. */
const REDIS_TIMEOUT_MS = 1000;

function seconds(value, fallback) {
  const n = Number(value ?? fallback);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** The tags an entry depends on: a datum's own tags (and, when read, the rendering page's implicit ones); a
 *  page's, from the header Next stores with it. */
export function tagsOf(data, ctx) {
  if (!data) return [];
  if (data.kind === "FETCH") return [...(data.tags ?? []), ...(ctx?.tags ?? [])];
  const header = data.headers?.[TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

/** Fresh when no tag was invalidated at or after the render started. */
export function isFresh(renderStart, invalidatedAt) {
  return invalidatedAt.every((t) => t < renderStart);
}

/** Per store and key, when this process's earliest lookup that will lead to a render happened (see the race
 *  above). */
const lookupsByStore = new WeakMap();
function lookupsOf(store) {
  if (!lookupsByStore.has(store)) lookupsByStore.set(store, new Map());
  return lookupsByStore.get(store);
}
function noteLookup(lookups, key, now) {
  if (!lookups.has(key)) lookups.set(key, now);
  // a lookup whose render never stored anything must not linger
  if (lookups.size > 10_000) lookups.delete(lookups.keys().next().value);
}
/** The render's start for an entry stored now: the noted lookup, at most RENDER_WINDOW_MS ago. */
function renderStartFor(lookups, key, now) {
  const noted = lookups.get(key);
  lookups.delete(key);
  return Math.max(noted ?? 0, now - RENDER_WINDOW_MS);
}

/** Past its revalidate time: Next serves it and renders again in the background. */
function pastRevalidate(record, now) {
  const seconds = record.value?.kind === "FETCH" ? record.value.revalidate : record.cacheControl?.revalidate;
  return typeof seconds === "number" && record.lastModified + seconds * 1000 <= now;
}

/** A rough size in bytes, for the memory bound: the HTML, the RSC payloads and the JSON of the rest. */
export function sizeOf(value) {
  if (!value) return 64;
  let size = 0;
  if (typeof value.html === "string") size += value.html.length;
  if (value.rscData) size += value.rscData.length;
  if (value.body) size += value.body.length;
  if (value.buffer) size += value.buffer.length;
  if (value.segmentData) for (const b of value.segmentData.values()) size += b.length;
  if (value.kind === "FETCH") size += JSON.stringify(value.data ?? null).length;
  return size + 256;
}

/** Least recently used out first, bounded in bytes. */
export class MemoryStore {
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    this.entries = new Map();
    this.tags = new Map();
  }
  async read(key, extraTags) {
    const record = this.peek(key);
    if (!record) return { record: null, invalidatedAt: [] };
    this.touch(key);
    return { record, invalidatedAt: this.times([...record.tags, ...extraTags]) };
  }
  /** The record kept under `key`, without counting it as used. */
  peek(key) {
    return this.entries.get(key)?.record ?? null;
  }
  /** Counts the entry as just used (least recently used out first). */
  touch(key) {
    const hit = this.entries.get(key);
    if (!hit) return;
    this.entries.delete(key);
    this.entries.set(key, hit);
  }
  async invalidationTimes(tags) {
    return this.times(tags);
  }
  times(tags) {
    return tags.map((t) => this.tags.get(t) ?? 0);
  }
  async write(key, record) {
    const size = sizeOf(record.value);
    this.remove(key);
    if (size > this.maxBytes) return;
    while (this.bytes + size > this.maxBytes && this.entries.size > 0) this.remove(this.entries.keys().next().value);
    this.entries.set(key, { record, size });
    this.bytes += size;
  }
  remove(key) {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.size;
  }
  async invalidate(tags, at) {
    for (const t of tags) this.tags.set(t, Math.max(at, this.tags.get(t) ?? 0));
  }
}

/** Entries and tag times in Redis. Every failure is logged (at most once a minute) and answered as a miss.
 *
 *  What this process read from Redis is also kept in its memory (`kept`, least recently used out, at most
 *  `keptBytes`; only copies that were fresh when read and have a revalidate time): while a kept copy is not past its
 *  revalidate time (nor Next's expire time), a read asks Redis only for its tags' times, not for the entry (a plan's
 *  data or a page, tens of kB to copy and deserialize every time). So:
 *  - another process's invalidation is seen on the very next read, as before (the tags are read from Redis every time);
 *  - another process's newer copy of an entry that no invalidation made stale is taken once the kept copy's revalidate
 *    time (5 minutes) has passed, as an entry of its own age would be regenerated;
 *  - the kept copies are judged by tag times that Redis still holds: an `epoch` key, read with the tags, tells when
 *    Redis lost its data (restarted without persistence, flushed, failed over, the key evicted), and every kept copy
 *    is dropped then and on every reconnection; while Redis is unreachable none is used (every read is a miss). */
export class RedisStore {
  constructor(url, prefix, build, keptBytes = 256 * 1024 * 1024) {
    this.url = url;
    this.prefix = prefix;
    this.build = build;
    this.keptBytes = keptBytes;
    this.kept = new MemoryStore(keptBytes);
    /** The value of the epoch key the kept copies were judged under; null: none established (nothing kept). */
    this.epoch = null;
    this.client = null;
    this.ready = null;
    this.lastWarning = 0;
    /** Invalidations Redis did not take: sent again once it answers. */
    this.pending = new Map();
  }
  async connection() {
    if (!this.ready) {
      this.ready = (async () => {
        const client = createClient({
          url: this.url,
          disableOfflineQueue: true,
          socket: { connectTimeout: REDIS_TIMEOUT_MS, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
        });
        client.on("error", (e) => this.warn(e));
        client.on("ready", () => {
          // whatever happened to Redis meanwhile, the kept copies are judged again from scratch
          this.forgetKept();
          void this.flushPending();
        });
        this.client = client;
        this.binary = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
        await client.connect();
        return client;
      })();
      this.ready.catch((e) => this.warn(e));
    }
    if (this.client?.isReady) return this.client;
    // only the first calls wait for the first connection (at most REDIS_TIMEOUT_MS); after that, while Redis is
    // away (the client keeps reconnecting by itself), every call fails at once, so pages are not slowed down
    if (!this.firstAttempt) this.firstAttempt = withTimeout(this.ready).catch(() => {});
    await this.firstAttempt;
    if (this.client?.isReady) return this.client;
    throw new Error("Redis is not connected");
  }
  warn(e) {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    console.warn(`[kpi] cache: Redis at ${redactUrl(this.url)} does not answer; pages are rendered uncached until it does (${e instanceof Error ? e.message : e})`);
  }
  entryKey(key) {
    return `${this.prefix}:entry:${this.build}:${key}`;
  }
  tagKey(tag) {
    return `${this.prefix}:tag:${tag}`;
  }
  epochKey() {
    return `${this.prefix}:epoch`;
  }
  forgetKept() {
    this.kept = new MemoryStore(this.keptBytes);
    this.epoch = null;
  }
  /** The epoch of Redis's current data: set once by the first process to ask, read by every other. */
  async establishEpoch(client) {
    await withTimeout(client.set(this.epochKey(), randomUUID(), { NX: true }));
    this.epoch = await withTimeout(client.get(this.epochKey()));
  }
  /** The epoch and the tags' times in one round trip. */
  async epochAndTimes(client, tags) {
    const [epoch, ...values] = await withTimeout(client.mGet([this.epochKey(), ...tags.map((t) => this.tagKey(t))]));
    return { epoch, times: this.timesOf(tags, values) };
  }
  /** The tags' times as Redis holds them (`values`, in order); this process's own invalidations that Redis has not
   *  taken yet count too. */
  timesOf(tags, values) {
    return values.map((v, i) => Math.max(Number(v ?? 0), this.pending.get(tags[i]) ?? 0));
  }
  async read(key, extraTags) {
    try {
      const client = await this.connection();
      if (this.epoch === null) await this.establishEpoch(client);
      const kept = this.kept.peek(key);
      if (kept && keepable(kept, Date.now())) {
        const { epoch, times } = await this.epochAndTimes(client, [...kept.tags, ...extraTags]);
        if (epoch !== this.epoch) {
          this.forgetKept();
          await this.establishEpoch(client);
        } else if (isFresh(kept.renderStart, times)) {
          this.kept.touch(key);
          return { record: kept, invalidatedAt: times };
        }
      }
      const raw = await withTimeout(this.binary.get(this.entryKey(key)));
      if (!raw) {
        this.kept.remove(key);
        return { record: null, invalidatedAt: [] };
      }
      const record = v8.deserialize(raw);
      const { epoch, times } = await this.epochAndTimes(client, [...record.tags, ...extraTags]);
      // kept only when judged under the epoch it will be checked against, fresh and with a revalidate time
      if (epoch === this.epoch && isFresh(record.renderStart, times) && keepable(record, Date.now())) await this.kept.write(key, { ...record, value: detached(record.value) });
      else this.kept.remove(key);
      return { record, invalidatedAt: times };
    } catch (e) {
      this.warn(e);
      return { record: null, invalidatedAt: [] };
    }
  }
  async invalidationTimes(tags) {
    if (tags.length === 0) return [];
    const client = await this.connection();
    return this.timesOf(tags, await withTimeout(client.mGet(tags.map((t) => this.tagKey(t)))));
  }
  async write(key, record, ttlSeconds) {
    try {
      await this.connection();
      await withTimeout(this.binary.set(this.entryKey(key), v8.serialize(record), { EX: ttlSeconds }));
    } catch (e) {
      this.warn(e);
    }
  }
  async invalidate(tags, at) {
    for (const t of tags) this.pending.set(t, Math.max(at, this.pending.get(t) ?? 0));
    await this.flushPending();
  }
  async flushPending() {
    if (this.pending.size === 0) return;
    const batch = [...this.pending];
    try {
      const client = await this.connection();
      const multi = client.multi();
      // a tag time must outlive every entry stored before it; one sent again after an outage must not replace a later
      // one set meanwhile by another process (the entries rendered between the two would count as fresh)
      const ttl = String(ENTRY_TTL_S + Math.ceil(RENDER_WINDOW_MS / 1000) + 60);
      for (const [t, at] of batch) multi.eval(RAISE_TAG_TIME, { keys: [this.tagKey(t)], arguments: [String(at), ttl] });
      await withTimeout(multi.exec());
      for (const [t, at] of batch) if (this.pending.get(t) === at) this.pending.delete(t);
    } catch (e) {
      this.warn(e);
    }
  }
}

/** A copy worth keeping in a process's memory: it has a revalidate time (after which the entry in Redis is read
 *  again), not yet passed, and it is younger than Next's expire time. */
function keepable(record, now) {
  const seconds = record.value?.kind === "FETCH" ? record.value.revalidate : record.cacheControl?.revalidate;
  return typeof seconds === "number" && seconds > 0 && !pastRevalidate(record, now) && now < record.lastModified + ENTRY_TTL_S * 1000;
}

/** v8.deserialize gives Buffers that are views of the bytes read from Redis (the whole entry, or the socket's read):
 *  a kept copy owns its bytes, so that it holds only what sizeOf counts. */
function detached(value) {
  if (!value || typeof value !== "object") return value;
  const copy = { ...value };
  for (const k of ["rscData", "body", "buffer"]) if (Buffer.isBuffer(copy[k])) copy[k] = Buffer.from(copy[k]);
  if (copy.segmentData instanceof Map) copy.segmentData = new Map([...copy.segmentData].map(([k, b]) => [k, Buffer.isBuffer(b) ? Buffer.from(b) : b]));
  return copy;
}

function withTimeout(promise) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(REDIS_URL)";
  }
}

function buildId(serverDistDir) {
  try {
    return readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  } catch {
    return "dev";
  }
}

/** One store per process (Next makes a handler per request). */
let store;
export function storeFor(ctx, env = process.env) {
  if (store !== undefined) return store;
  const cacheBytes = seconds(env.KPI_PAGE_CACHE_MB, 256) * 1024 * 1024;
  // `next build` prerenders into memory: its entries belong to no running server yet
  if (env.REDIS_URL && env.NEXT_PHASE !== "phase-production-build") {
    // entries belong to one build (their HTML names its scripts); tag times are shared by every build
    const prefix = env.KPI_REDIS_PREFIX || "kpi";
    const build = env.NEXT_DEPLOYMENT_ID || buildId(ctx?.serverDistDir ?? ".next/server");
    store = new RedisStore(env.REDIS_URL, prefix, build, cacheBytes);
  } else if (Number(env.KPI_WORKERS ?? 1) > 1) {
    store = null;
  } else {
    store = new MemoryStore(cacheBytes);
  }
  return store;
}

export function resetStoreForTests(next) {
  store = next;
}

export default class KpiCacheHandler {
  constructor(ctx) {
    this.store = storeFor(ctx);
  }

  async get(key, ctx) {
    if (!this.store) return null;
    const now = Date.now();
    const extraTags = ctx?.kind === "FETCH" ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : [];
    const { record, invalidatedAt } = await this.store.read(key, extraTags);
    if (!record || !isFresh(record.renderStart, invalidatedAt)) {
      noteLookup(lookupsOf(this.store), key, now);
      return null;
    }
    if (pastRevalidate(record, now)) noteLookup(lookupsOf(this.store), key, now);
    return { lastModified: record.lastModified, value: record.value, cacheControl: record.cacheControl };
  }

  async set(key, data, ctx) {
    if (!this.store) return;
    const storedAt = Date.now();
    const renderStart = renderStartFor(lookupsOf(this.store), key, storedAt);
    const tags = tagsOf(data, ctx);
    try {
      if (!isFresh(renderStart, await this.store.invalidationTimes(tags))) return;
    } catch {
      return; // Redis unreachable: nothing stored
    }
    const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
    const ttl = typeof cacheControl?.expire === "number" && cacheControl.expire > 0 ? Math.min(cacheControl.expire, ENTRY_TTL_S) : ENTRY_TTL_S;
    await this.store.write(key, { value: storedValue(key, data), lastModified: storedAt, renderStart, cacheControl, tags }, ttl);
  }

  async revalidateTag(tags, _durations) {
    // every invalidation expires at once (the app only ever asks for that: updateTag, or expire: 0)
    const list = (typeof tags === "string" ? [tags] : tags).filter(Boolean);
    if (this.store && list.length > 0) await this.store.invalidate(list, Date.now());
  }

  resetRequestCache() {}
}
