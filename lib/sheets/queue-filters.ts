// The approval queue's filters, read from the GET form's query (?state=&department=&overdue=1&year=).
// Anything unreadable is no filter: a hand-typed URL never ends in an error page.
import { z } from "zod";
import { STATE_LABELS, type SheetStateKey } from "./state-labels";

const stateKeys = Object.keys(STATE_LABELS) as [SheetStateKey, ...SheetStateKey[]];

export const queueFiltersSchema = z.object({
  state: z.enum(stateKeys).optional().catch(undefined),
  department: z.string().max(64).regex(/^[A-Za-z0-9_-]+$/).optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
  year: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
});

export type QueueFilters = z.output<typeof queueFiltersSchema>;

export function readQueueFilters(sp: Record<string, string | string[] | undefined>): QueueFilters {
  const one = (k: string) => (typeof sp[k] === "string" && sp[k] !== "" ? sp[k] : undefined);
  return queueFiltersSchema.parse({ state: one("state"), department: one("department"), overdue: one("overdue"), year: one("year") });
}

/** The queue's order: what waits for the planning division first, then what the departments still owe. */
export const QUEUE_STATE_ORDER: SheetStateKey[] = ["submitted", "returned", "draft", "none", "published"];
