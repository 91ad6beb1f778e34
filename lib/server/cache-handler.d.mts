// Types of cache-handler.mjs for the tests (the handler itself is plain JavaScript: Next imports it at run time).
export declare const RENDER_WINDOW_MS: number;
export declare function tagsOf(data: unknown, ctx?: unknown): string[];
export declare function isFresh(renderStart: number, invalidatedAt: number[]): boolean;
export declare function storedValue(key: string, data: unknown): unknown;
export declare function sizeOf(value: unknown): number;
type Store = {
  read(key: string, extraTags: string[]): Promise<{ record: { lastModified: number; tags: string[]; value: unknown } | null; invalidatedAt: number[] }>;
  invalidationTimes(tags: string[]): Promise<number[]>;
  write(key: string, record: unknown, ttlSeconds?: number): Promise<void>;
  invalidate(tags: string[], at: number): Promise<void>;
};
export declare class MemoryStore implements Store {
  constructor(maxBytes: number);
  bytes: number;
  entries: Map<string, unknown>;
  read: Store["read"];
  invalidationTimes: Store["invalidationTimes"];
  write: Store["write"];
  invalidate: Store["invalidate"];
}
export declare class RedisStore implements Store {
  constructor(url: string, prefix: string, build: string);
  read: Store["read"];
  invalidationTimes: Store["invalidationTimes"];
  write: Store["write"];
  invalidate: Store["invalidate"];
  pending: Map<string, number>;
  client: { quit(): Promise<unknown>; destroy?(): void } | null;
}
export declare function storeFor(ctx?: { serverDistDir?: string }, env?: Record<string, string | undefined>): Store | null;
export declare function resetStoreForTests(next: Store | null | undefined): void;
export default class KpiCacheHandler {
  constructor(ctx: { serverDistDir?: string });
  store: Store | null;
  get(key: string, ctx: unknown): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, data: unknown, ctx: unknown): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
