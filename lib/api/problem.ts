// Errors of the token API as RFC 9457 problem details (application/problem+json): `type`, `title`, `status`,
// `detail` (Japanese, for people), `code` (stable, for programs) and, for validation, `errors` with a JSON
// Pointer (RFC 6901) into the request body per field. Never an exception's text or stack.
import { REFUSAL_STATUS, type RefusalCode } from "../actions/refusal";
import type { ActionResult } from "../actions/action";

export const PROBLEM_TYPE = "application/problem+json";

export type ProblemCode = RefusalCode | "bad_request" | "error";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  422: "Unprocessable Content",
  500: "Internal Server Error",
};

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  errors?: { pointer: string; detail: string }[];
  current?: unknown;
};

export const STATUS_OF: Record<ProblemCode, number> = { ...REFUSAL_STATUS, bad_request: 400, error: 500 };

/** A problem response; `type` is about:blank, so `title` is the status' phrase and `code` tells the cases apart. */
export function problem(code: ProblemCode, detail: string, extra: { errors?: ProblemBody["errors"]; current?: unknown; headers?: HeadersInit } = {}): Response {
  const status = STATUS_OF[code];
  const body: ProblemBody = { type: "about:blank", title: TITLES[status] ?? "Error", status, detail, code };
  if (extra.errors?.length) body.errors = extra.errors;
  if (extra.current !== undefined) body.current = extra.current;
  const headers = new Headers(extra.headers);
  headers.set("Content-Type", `${PROBLEM_TYPE}; charset=utf-8`);
  headers.set("Cache-Control", "no-store");
  if (status === 401) headers.set("WWW-Authenticate", 'Bearer realm="kpi-dashboard"');
  return new Response(JSON.stringify(body), { status, headers });
}

const escapeSegment = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** JSON Pointer from path segments: ["series", 0, "target", "value"] → "/series/0/target/value"; [] → "". */
export function pointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapeSegment(String(s))}`).join("");
}

/** A field error key of ActionResult (zod path joined by ".", or "form") → its JSON Pointer. */
export function keyToPointer(key: string): string {
  return key === "form" ? "" : pointer(key.split("."));
}

/** An ActionResult error → its problem response (field errors as pointers; `rename` maps keys first). */
export function problemFromResult(result: Extract<ActionResult, { status: "error" }>, options: { rename?: (key: string) => string; current?: unknown } = {}): Response {
  const errors = Object.entries(result.fieldErrors ?? {}).map(([key, detail]) => {
    const renamed = options.rename ? options.rename(key) : keyToPointer(key);
    return { pointer: renamed, detail };
  });
  const code: ProblemCode = result.code;
  return problem(code, result.message, { errors, current: options.current });
}
