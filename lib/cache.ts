// The public pages' data is read far more often than it changes, so it is kept in Next's data cache and
// dropped as soon as something the public sees is written through the app (runAction calls
// invalidatePublicData() after the commit). Values cross the cache as JSON: Decimals arrive as strings (the
// code reads them with toString()), and the cached functions select no Date fields. Outside a Next server
// (tests, CLI) nothing is cached.
import { refresh, revalidatePath, revalidateTag, unstable_cache, updateTag } from "next/cache";

export const DATA_TAG = "kpi-data";
/** A safety net for writes made outside the app (a CLI seed while the server runs). */
const MAX_AGE_SECONDS = 300;

export function cachedData<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  if (!process.env.NEXT_RUNTIME) return fn;
  return unstable_cache(fn, [name], { tags: [DATA_TAG], revalidate: MAX_AGE_SECONDS });
}

/** After a write in a server action: readers (including the writer) see the new data on their next request.
 *  revalidatePath drops the anonymous readers' cached copies of whole pages too (lib/anonymous-cache): they sit
 *  under the root layout. */
export function invalidateData(): void {
  updateTag(DATA_TAG);
  revalidatePath("/", "layout");
}

/** After a write from any channel: a server action uses updateTag (read-your-own-writes); a route handler (the
 *  API, the workbook upload) cannot, and expires the tag at once instead. Outside a Next server: nothing. */
export function invalidatePublicData(context: "action" | "route"): void {
  if (!process.env.NEXT_RUNTIME) return;
  if (context === "action") return invalidateData();
  revalidateTag(DATA_TAG, { expire: 0 });
  revalidatePath("/", "layout");
}

/** After a write the public does not see whose screen lists what it changed (a draft, a submission, a review mark,
 *  an unpublished comment, a user's role): no cache holds it (staff pages read it per request), so nothing is
 *  dropped; a server action refreshes the writer's own screen so that it shows the new state (a draft's version). */
export function refreshWriterView(context: "action" | "route"): void {
  if (!process.env.NEXT_RUNTIME || context !== "action") return;
  refresh();
}
