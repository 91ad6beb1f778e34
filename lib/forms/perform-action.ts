import "server-only";
// A bridge onto the one action path (runAction) for a mutation that still answers { ok, message } instead of
// throwing the one Refusal: today only the official rating (lib/evaluation/mutations.ts setOfficialRating). Its
// refusal becomes a Refusal, so the user, the parse, the generic message and the cache are runAction's.
import type { z } from "zod";
import { runAction, type ActionResult } from "../actions/action";
import { refuse, MESSAGES } from "../actions/refusal";
import { getCurrentUser } from "../auth/current-user";
import type { Actor } from "../authz/permissions";
import type { SimpleResult } from "../evaluation/mutations";

export async function performAction<S extends z.ZodTypeAny>(
  label: string,
  schema: S,
  raw: unknown,
  mutate: (user: Actor, input: z.output<S>) => Promise<SimpleResult>,
  done: string,
): Promise<ActionResult> {
  return runAction(getCurrentUser, raw, {
    name: label,
    schema,
    run: async (user, input) => {
      const result = await mutate(user, input);
      if (!result.ok) refuse(result.message === MESSAGES.forbidden ? "forbidden" : "invalid", result.message, result.fieldErrors);
    },
    publishes: true,
    message: done,
  });
}
