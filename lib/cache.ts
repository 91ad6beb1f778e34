// The public pages' data is read far more often than it changes, so it is kept in Next's data cache and
// dropped as soon as anything is written through the app (every server action calls invalidateData()).
// Values cross the cache as JSON: Decimals arrive as strings (the code reads them with toString()), and the
// cached functions select no Date fields. Outside a Next server (tests, CLI) nothing is cached.
import { revalidatePath, unstable_cache, updateTag } from "next/cache";

export const DATA_TAG = "kpi-data";
/** A safety net for writes made outside the app (a CLI seed while the server runs). */
const MAX_AGE_SECONDS = 300;

export function cachedData<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  if (!process.env.NEXT_RUNTIME) return fn;
  return unstable_cache(fn, [name], { tags: [DATA_TAG], revalidate: MAX_AGE_SECONDS });
}

/** After a write: readers (including the writer) see the new data on their next request. revalidatePath drops
 *  the anonymous readers' cached copies of whole pages too (lib/anonymous-cache): they sit under the root layout. */
export function invalidateData(): void {
  updateTag(DATA_TAG);
  revalidatePath("/", "layout");
}
