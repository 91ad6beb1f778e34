// Small helpers for request bodies already read as JSON.
import type { z } from "zod";
import { refuse, MESSAGES } from "../actions/refusal";
import { zodFieldErrors } from "../actions/action";

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The body must be a JSON object (not an array, a string, a number). */
export function objectBody(v: unknown): Record<string, unknown> {
  if (!isObject(v)) refuse("invalid", "本文は JSON のオブジェクト（{ … }）にしてください。", { form: "JSON のオブジェクトにしてください" });
  return v;
}

/** Validate with a schema, refusing with pointers to the fields (422). */
export function parseBody<S extends z.ZodTypeAny>(schema: S, v: unknown): z.output<S> {
  const parsed = schema.safeParse(objectBody(v));
  if (!parsed.success) refuse("invalid", MESSAGES.invalid, zodFieldErrors(parsed.error));
  return parsed.data;
}
