import "server-only";
// Server actions on the one action path: the signed-in user is the actor, the form's fields the input.
import type { z } from "zod";
import { getCurrentUser } from "../auth/current-user";
import { runAction, type ActionDefinition, type ActionResult, type FormState } from "./action";

/** A server action `(prev, form) => result` for a definition; `toInput` turns the FormData into the schema's input. */
export function formAction<S extends z.ZodTypeAny, T>(def: ActionDefinition<S, T>, toInput: (form: FormData) => unknown = formObject) {
  // a forged call can pass anything as the form: it is read as an empty one (the schema then says what is missing)
  return async (_prev: FormState<T>, form: FormData): Promise<ActionResult<T>> => runAction(getCurrentUser, toInput(form instanceof FormData ? form : new FormData()), def, "action");
}

/** Every field once (repeated names: the last one), without Next's internal $ACTION fields. */
export function formObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

/** Every field once, with `group.key` fields gathered into an object under `group` (e.g. progressSettings). */
export function formObjectWithGroups(form: FormData, groups: readonly string[]): Record<string, unknown> {
  const flat = formObject(form);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(flat)) {
    const dot = k.indexOf(".");
    const group = dot > 0 ? k.slice(0, dot) : null;
    if (group && groups.includes(group)) {
      const bucket = (out[group] ??= {}) as Record<string, string>;
      bucket[k.slice(dot + 1)] = v;
    } else out[k] = v;
  }
  return out;
}

/** A server action's form argument as sent: a forged call can pass anything, which reads as an empty form. */
export function asForm(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}
