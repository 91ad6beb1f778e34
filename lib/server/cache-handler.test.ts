// The incremental cache handler (cache-handler.mjs): the memory store, the race window, and Redis shared by two
// "processes" (two stores with their own connections), against the machine's Redis (127.0.0.1:6379 here and in CI).
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import KpiCacheHandler, { MemoryStore, RENDER_WINDOW_MS, RedisStore, isFresh, resetStoreForTests, storeFor } from "./cache-handler.mjs";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

function page(html: string, tags: string[]) {
  return { kind: "APP_PAGE", html, rscData: Buffer.from(`rsc:${html}`), headers: { "x-next-cache-tags": tags.join(",") }, status: 200, segmentData: new Map([["/_tree", Buffer.from("t")]]) };
}
const pageCtx = { cacheControl: { revalidate: 300, expire: 3600 } };
const getPage = { kind: "APP_PAGE", isFallback: false };

function handlerWith(store: ReturnType<typeof storeFor>) {
  resetStoreForTests(store);
  const h = new KpiCacheHandler({});
  resetStoreForTests(undefined);
  return h;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("isFresh", () => {
  it("counts an entry fresh only when no tag was invalidated at or after its render started", () => {
    expect(isFresh(100_000, [0, 0])).toBe(true);
    expect(isFresh(100_000, [99_999])).toBe(true);
    expect(isFresh(100_000, [100_000])).toBe(false);
    expect(isFresh(100_000, [0, 120_000])).toBe(false);
  });
});

describe("memory store", () => {
  it("serves a stored page until one of its tags is invalidated, then misses", async () => {
    const h = handlerWith(new MemoryStore(1024 * 1024));
    await h.set("/kpi/15", page("<p>old</p>", ["kpi-data", "_N_T_/layout"]), pageCtx);
    const hit = await h.get("/kpi/15", getPage);
    expect((hit?.value as { html: string }).html).toBe("<p>old</p>");
    expect((hit?.value as { segmentData: Map<string, Buffer> }).segmentData.get("/_tree")?.toString()).toBe("t");
    await h.revalidateTag(["_N_T_/layout"], { expire: 0 });
    expect(await h.get("/kpi/15", getPage)).toBeNull();
  });

  it("the race: a render that started before the write and is stored after the invalidation is not kept", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = 1_000_000;
    vi.setSystemTime(t0);
    const h = handlerWith(new MemoryStore(1024 * 1024));
    expect(await h.get("/kpi/15", getPage)).toBeNull(); // a reader's lookup misses: a render starts
    vi.setSystemTime(t0 + 100);
    await h.revalidateTag("kpi-data"); // meanwhile the approval commits and invalidates
    vi.setSystemTime(t0 + 300);
    await h.set("/kpi/15", page("<p>old</p>", ["kpi-data"]), pageCtx); // the render, with the old text, ends
    expect(await h.get("/kpi/15", getPage)).toBeNull();
    // the render begun by that lookup (after the invalidation) is stored and served at once
    vi.setSystemTime(t0 + 400);
    await h.set("/kpi/15", page("<p>new</p>", ["kpi-data"]), pageCtx);
    expect((await h.get("/kpi/15", getPage))?.value).toMatchObject({ html: "<p>new</p>" });

    // a datum read by a render (unstable_cache) likewise, checked with the rendering page's implicit tags too
    expect(await h.get("data-key", { kind: "FETCH", tags: ["kpi-data"], softTags: ["_N_T_/layout"] })).toBeNull();
    vi.setSystemTime(t0 + 500);
    await h.revalidateTag("_N_T_/layout");
    vi.setSystemTime(t0 + 600);
    await h.set("data-key", { kind: "FETCH", data: { body: "old" }, tags: ["kpi-data"], revalidate: 300 }, { fetchCache: true, tags: ["kpi-data"] });
    expect(await h.get("data-key", { kind: "FETCH", tags: ["kpi-data"], softTags: ["_N_T_/layout"] })).toBeNull();

    // a store without a noted lookup counts as begun RENDER_WINDOW_MS earlier
    vi.setSystemTime(t0 + 1000);
    await h.revalidateTag("kpi-data");
    vi.setSystemTime(t0 + 1000 + RENDER_WINDOW_MS - 1);
    await h.set("/kpi/16", page("<p>old</p>", ["kpi-data"]), pageCtx);
    await h.set("/kpi/16", page("<p>old</p>", ["kpi-data"]), pageCtx);
    vi.setSystemTime(t0 + 1000 + RENDER_WINDOW_MS + 1);
    expect(await h.get("/kpi/16", getPage)).toBeNull();
    await h.set("/kpi/16", page("<p>new</p>", ["kpi-data"]), pageCtx);
    expect((await h.get("/kpi/16", getPage))?.value).toMatchObject({ html: "<p>new</p>" });

    // an entry stored before an invalidation that another process records later (between set's check and the
    // write) is refused on reading
    vi.setSystemTime(t0 + 1000 + RENDER_WINDOW_MS + 5_000);
    await h.revalidateTag("kpi-data");
    expect(await h.get("/kpi/16", getPage)).toBeNull();
  });

  it("is bounded in bytes, least recently used out first; size 0 caches nothing", async () => {
    const store = new MemoryStore(7000);
    const h = handlerWith(store);
    const big = (n: string) => page(n + "x".repeat(1000), []);
    await h.set("a", big("a"), pageCtx);
    await h.set("b", big("b"), pageCtx);
    await h.get("a", getPage); // a is now more recent than b
    await h.set("c", big("c"), pageCtx);
    await h.set("d", big("d"), pageCtx);
    expect(await h.get("b", getPage)).toBeNull();
    expect(await h.get("a", getPage)).not.toBeNull();
    expect(store.bytes).toBeLessThanOrEqual(7000);
    const none = handlerWith(new MemoryStore(0));
    await none.set("a", big("a"), pageCtx);
    expect(await none.get("a", getPage)).toBeNull();
  });

  it("several processes without Redis cache nothing (an invalidation could not reach the others)", () => {
    resetStoreForTests(undefined);
    expect(storeFor({}, { KPI_WORKERS: "2" })).toBeNull();
    resetStoreForTests(undefined);
    expect(storeFor({}, {})).toBeInstanceOf(MemoryStore);
    resetStoreForTests(undefined);
  });
});

describe("Redis store", () => {
  const prefix = `kpi-test-${process.pid}-${Date.now()}`;
  const stores: RedisStore[] = [];
  const redis = (url = REDIS_URL) => {
    const s = new RedisStore(url, prefix, "build-1");
    stores.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of stores) {
      try {
        s.client?.destroy?.();
      } catch {
        /* destroyed by its test */
      }
    }
  });

  it("two processes share entries and an invalidation by one is seen by the other on its next read", async () => {
    const a = handlerWith(redis());
    const b = handlerWith(redis());
    await a.set("/kpi/15", page("<p>approved</p>", ["kpi-data", "_N_T_/layout"]), pageCtx);
    const fromB = await b.get("/kpi/15", getPage);
    expect(fromB?.value).toMatchObject({ html: "<p>approved</p>", status: 200 });
    expect(Buffer.isBuffer((fromB?.value as { rscData: Buffer }).rscData)).toBe(true);
    await b.revalidateTag(["kpi-data"], { expire: 0 });
    expect(await a.get("/kpi/15", getPage)).toBeNull();
    // a render in a that began before b's invalidation is refused (the race, across processes)
    expect(await a.get("/kpi/16", getPage)).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    await b.revalidateTag(["kpi-data"], { expire: 0 });
    await a.set("/kpi/16", page("<p>old</p>", ["kpi-data"]), pageCtx);
    expect(await b.get("/kpi/16", getPage)).toBeNull();
    // one that began after it is shared at once
    await new Promise((r) => setTimeout(r, 5));
    expect(await a.get("/kpi/16", getPage)).toBeNull();
    await a.set("/kpi/16", page("<p>new</p>", ["kpi-data"]), pageCtx);
    expect((await b.get("/kpi/16", getPage))?.value).toMatchObject({ html: "<p>new</p>" });
  });

  it("a process serves its own fresh copy without fetching the entry again, and still sees another process's invalidation on its next read", async () => {
    const storeB = redis();
    const a = handlerWith(redis());
    const b = handlerWith(storeB);
    await a.set("/kpi/20", page("<p>approved</p>", ["tag-20"]), pageCtx);
    expect((await b.get("/kpi/20", getPage))?.value).toMatchObject({ html: "<p>approved</p>" });
    // the entry is gone from Redis: b still answers from the copy it read, since no tag says it is stale
    const client = storeB.client as unknown as { del(key: string): Promise<number> };
    expect(await client.del(`${prefix}:entry:build-1:/kpi/20`)).toBe(1);
    expect((await b.get("/kpi/20", getPage))?.value).toMatchObject({ html: "<p>approved</p>" });
    await new Promise((r) => setTimeout(r, 5));
    await a.revalidateTag(["tag-20"], { expire: 0 });
    expect(await b.get("/kpi/20", getPage)).toBeNull();
    // a fresh copy written by another process after the invalidation replaces the kept one
    await new Promise((r) => setTimeout(r, 5));
    expect(await a.get("/kpi/20", getPage)).toBeNull();
    await a.set("/kpi/20", page("<p>new</p>", ["tag-20"]), pageCtx);
    expect((await b.get("/kpi/20", getPage))?.value).toMatchObject({ html: "<p>new</p>" });
  });

  it("a kept copy past its revalidate time is read from Redis again (another process's newer one)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const a = handlerWith(redis());
    const b = handlerWith(redis());
    await a.set("/kpi/21", page("<p>v1</p>", ["tag-21"]), pageCtx);
    expect((await b.get("/kpi/21", getPage))?.value).toMatchObject({ html: "<p>v1</p>" });
    vi.setSystemTime(Date.now() + 1000);
    // e.g. a regeneration in a after a change made outside the app (a CLI seed): no tag was invalidated
    await a.set("/kpi/21", page("<p>v2</p>", ["tag-21"]), pageCtx);
    expect((await b.get("/kpi/21", getPage))?.value).toMatchObject({ html: "<p>v1</p>" });
    // v1's revalidate time has passed (v2's has not): the entry is read from Redis again
    vi.setSystemTime(Date.now() + 299_500);
    expect((await b.get("/kpi/21", getPage))?.value).toMatchObject({ html: "<p>v2</p>" });
  });

  it("Redis lost its data (restarted empty, flushed): kept copies are not judged by the tag times it forgot", async () => {
    const storeA = redis();
    const a = handlerWith(storeA);
    const b = handlerWith(redis());
    await a.set("/kpi/22", page("<p>before</p>", ["tag-22"]), pageCtx);
    expect((await b.get("/kpi/22", getPage))?.value).toMatchObject({ html: "<p>before</p>" });
    await new Promise((r) => setTimeout(r, 5));
    await a.revalidateTag(["tag-22"], { expire: 0 });
    // the invalidation and everything else of this prefix are lost
    const client = storeA.client as unknown as { keys(pattern: string): Promise<string[]>; del(keys: string[]): Promise<number> };
    const keys = await client.keys(`${prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    await client.del(keys);
    expect(await b.get("/kpi/22", getPage)).toBeNull();
  });

  it("a kept copy is not used while Redis is unreachable", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const storeB = redis();
    const a = handlerWith(redis());
    const b = handlerWith(storeB);
    await a.set("/kpi/23", page("<p>kept</p>", ["tag-23"]), pageCtx);
    expect((await b.get("/kpi/23", getPage))?.value).toMatchObject({ html: "<p>kept</p>" });
    expect((await b.get("/kpi/23", getPage))?.value).toMatchObject({ html: "<p>kept</p>" });
    storeB.client?.destroy?.();
    expect(await b.get("/kpi/23", getPage)).toBeNull();
    warn.mockRestore();
  });

  it("a datum kept in memory misses once another process invalidates the reading page's soft tag", async () => {
    const a = handlerWith(redis());
    const b = handlerWith(redis());
    const datum = { kind: "FETCH", data: { headers: {}, body: JSON.stringify({ rating: "A" }), status: 200, url: "" }, revalidate: 300, tags: ["tag-24"] };
    const ctx = { kind: "FETCH", tags: ["tag-24"], softTags: ["_N_T_/soft-24"] };
    await a.set("datum-24", datum, { fetchCache: true, tags: ["tag-24"], revalidate: 300 });
    for (let i = 0; i < 2; i++) expect((await b.get("datum-24", ctx))?.value).toMatchObject({ kind: "FETCH", data: { body: '{"rating":"A"}' } });
    await new Promise((r) => setTimeout(r, 5));
    await a.revalidateTag(["_N_T_/soft-24"], { expire: 0 });
    expect(await b.get("datum-24", ctx)).toBeNull();
  });

  it("an invalidation sent again after an outage does not replace a later one made meanwhile by another process", async () => {
    const storeA = redis();
    const b = handlerWith(redis());
    const client = storeA.client ?? (await (storeA as unknown as { connection(): Promise<unknown> }).connection());
    const redisClient = client as { get(key: string): Promise<string | null> };
    // b invalidated at 2,000; a's invalidation of 1,000 reached Redis only now
    storeA.pending.set("tag-25", 1000);
    await b.revalidateTag(["tag-25"], { expire: 0 });
    const later = Number(await redisClient.get(`${prefix}:tag:tag-25`));
    expect(later).toBeGreaterThan(1000);
    await storeA.invalidate([], 0);
    expect(Number(await redisClient.get(`${prefix}:tag:tag-25`))).toBe(later);
    expect(storeA.pending.size).toBe(0);
    // and a later time still replaces an earlier one
    await storeA.invalidate(["tag-25"], later + 1);
    expect(Number(await redisClient.get(`${prefix}:tag:tag-25`))).toBe(later + 1);
  });

  it("Redis unreachable: every read misses at once, writes and invalidations do not throw", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const h = handlerWith(redis("redis://127.0.0.1:1"));
    const started = Date.now();
    await h.set("/kpi/15", page("<p>x</p>", ["kpi-data"]), pageCtx);
    expect(await h.get("/kpi/15", getPage)).toBeNull();
    await h.revalidateTag("kpi-data");
    expect(await h.get("/kpi/15", getPage)).toBeNull();
    expect(Date.now() - started).toBeLessThan(5_000);
    // after the first attempt, a read does not wait for Redis at all
    const again = Date.now();
    for (let i = 0; i < 5; i++) expect(await h.get("/kpi/15", getPage)).toBeNull();
    expect(Date.now() - again).toBeLessThan(200);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
