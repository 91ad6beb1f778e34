// The one path for a write, whatever the channel (server action form, workbook, API):
// input → zod → acting user → the lib mutation (which authorises against the permission table, writes and
// audits in one transaction, and throws a Refusal to say no) → cache invalidation after the commit when the
// public sees the change → one result shape with field errors. Unexpected errors are logged and answered
// with a generic message, never a stack trace.
import type { z } from "zod";
import { ForbiddenError, type Actor } from "../authz/permissions";
import { invalidatePublicData, refreshWriterView } from "../cache";
import { MESSAGES, Refusal, type RefusalCode } from "./refusal";

export type ActionResult<T = unknown> =
  | { status: "ok"; message: string; data?: T }
  | { status: "error"; code: RefusalCode | "error"; message: string; fieldErrors?: Record<string, string>; detail?: unknown };
/** What a form holds before its first submission, and after (client forms import it from ./form-state). */
export { IDLE, type FormState } from "./form-state";

export type ActionDefinition<S extends z.ZodTypeAny, T> = {
  /** for the server log */
  name: string;
  schema: S;
  /** the lib mutation; it authorises, and throws Refusal (or ForbiddenError) to refuse */
  run: (actor: Actor, input: z.output<S>) => Promise<T>;
  /** does a success change what the public sees (published values and texts, official ratings, published comments,
   *  the plan's set-up, organisations and departments, the evaluation year shown)? Then the public pages' cache is
   *  dropped after the commit; otherwise nothing cached changed (see `refreshes` for the writer's own screen). */
  publishes: boolean | ((data: T) => boolean);
  /** when it publishes nothing: does the writer's own screen list what it changed (a sheet's version and state, a
   *  comment, a user's role) beyond the answer it gets? Then that screen is refreshed (nothing cached is dropped).
   *  Actions that answer for their screen themselves (the account page revalidates /account) leave it out. */
  refreshes?: boolean;
  message: string | ((data: T) => string);
};

export const NUL_MESSAGE = "使用できない文字（NUL）が含まれています";

/** The path of the first string holding a NUL byte (PostgreSQL cannot store one in text), or null. */
export function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") || "form" : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nulPath(v, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = nulPath(k, [...path, k]) ?? nulPath(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** zod issues → { "series.0.target.value": message }, the first message per field. */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) out[i.path.length ? i.path.map(String).join(".") : "form"] ??= i.message;
  return out;
}

export async function runAction<S extends z.ZodTypeAny, T>(
  actor: Actor | null | (() => Promise<Actor | null>),
  raw: unknown,
  def: ActionDefinition<S, T>,
  context: "action" | "route" = "action",
): Promise<ActionResult<T>> {
  try {
    const who = typeof actor === "function" ? await actor() : actor;
    if (!who) return { status: "error", code: "unauthenticated", message: MESSAGES.unauthenticated };
    // refused at the edge, beside the field, for every channel: it would otherwise reach the database as a 500
    const nul = nulPath(raw);
    if (nul) return { status: "error", code: "invalid", message: MESSAGES.invalid, fieldErrors: { [nul]: NUL_MESSAGE } };
    const parsed = def.schema.safeParse(raw);
    if (!parsed.success) return { status: "error", code: "invalid", message: MESSAGES.invalid, fieldErrors: zodFieldErrors(parsed.error) };
    const data = await def.run(who, parsed.data);
    const publishes = typeof def.publishes === "function" ? def.publishes(data) : def.publishes;
    // only a write the public sees drops the public pages' cache (every organisation's pages share it)
    if (publishes) invalidatePublicData(context);
    else if (def.refreshes) refreshWriterView(context);
    return { status: "ok", message: typeof def.message === "function" ? def.message(data) : def.message, data };
  } catch (e) {
    return refusalResult(e, def.name);
  }
}

/** Any error → the result shape: refusals as they are, everything else logged and answered generically. */
export function refusalResult(e: unknown, name: string): Extract<ActionResult, { status: "error" }> {
  if (e instanceof Refusal) return { status: "error", code: e.code, message: e.message, fieldErrors: e.fieldErrors, detail: e.detail };
  if (e instanceof ForbiddenError) return { status: "error", code: "forbidden", message: MESSAGES.forbidden };
  console.error(`${name} failed`, e);
  return { status: "error", code: "error", message: MESSAGES.generic };
}
