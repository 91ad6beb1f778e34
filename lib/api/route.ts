// The token API's one route wrapper (as dub's withWorkspace): `Authorization: Bearer <token>` → the acting user,
// path parameters validated, the JSON body read with a size limit, and every failure answered as a problem
// (lib/api/problem.ts) — a Refusal with its status, anything unexpected logged and answered 500 without details.
import type { z } from "zod";
import { db } from "../db";
import { Refusal } from "../actions/refusal";
import { ForbiddenError } from "../authz/permissions";
import { authenticateToken, type TokenActor } from "../tokens/authenticate";
import { keyToPointer, problem } from "./problem";
import { etagOfBody, isNotModifiedRequest } from "../opendata/http";

export const MAX_BODY_BYTES = 1_000_000;

export class BadRequest extends Error {
  constructor(message: string, readonly code: "bad_request" | "too_large" = "bad_request") {
    super(message);
  }
}

export type ApiContext<P> = {
  request: Request;
  actor: TokenActor;
  params: P;
  /** the request's JSON body (400 when it is not JSON, 413 when it is over 1 MB) */
  body: () => Promise<unknown>;
};

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** Next hands dynamic segments over still percent-encoded in some cases (「追加1」, 「1-1」 are fine either way). */
function decodeParam(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

export function apiRoute<S extends z.ZodTypeAny>(paramsSchema: S, handler: (ctx: ApiContext<z.output<S>>) => Promise<Response>) {
  return async (request: Request, context: RouteContext): Promise<Response> => finish(request, await answer(request, context));
  async function answer(request: Request, context: RouteContext): Promise<Response> {
    try {
      const header = request.headers.get("authorization") ?? "";
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) return problem("unauthenticated", "API トークンを Authorization: Bearer ヘッダーで送ってください。");
      const actor = await authenticateToken(db(), match[1]);
      if (!actor) return problem("unauthenticated", "API トークンが無効です（誤り・失効・期限切れ、または利用者が無効）。");
      const raw = Object.fromEntries(Object.entries((await context.params) ?? {}).map(([k, v]) => [k, typeof v === "string" ? decodeParam(v) : v]));
      const parsed = paramsSchema.safeParse(raw);
      if (!parsed.success) return problem("bad_request", parsed.error.issues[0]?.message ?? "URL を確認してください。");
      return await handler({ request, actor, params: parsed.data, body: () => readJsonBody(request) });
    } catch (e) {
      if (e instanceof BadRequest) return problem(e.code, e.message);
      if (e instanceof Refusal) return problem(e.code, e.message, { errors: Object.entries(e.fieldErrors ?? {}).map(([k, d]) => ({ pointer: keyToPointer(k), detail: d })), current: e.detail });
      if (e instanceof ForbiddenError) return problem("forbidden", "この操作を行う権限がありません。");
      console.error(`API ${request.method} ${new URL(request.url).pathname} failed`, e);
      return problem("error", "処理できませんでした。時間をおいてもう一度お試しください。");
    }
  }
}

// A token is not an ambient credential (no cookie): a script of another origin can only act with a token it was
// given, so every origin may call the API (a municipality's own tools, an RPA in a browser) and read its answers,
// errors included. The public open data beside it has its own, read-only CORS (lib/opendata/http.ts).
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Location, WWW-Authenticate, Content-Length",
};

/** OPTIONS: the CORS preflight of a token API route (Authorization and a JSON body are not CORS-safelisted). */
export function apiPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      "Access-Control-Allow-Methods": "GET, HEAD, POST, PUT, PATCH, OPTIONS",
      "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept, Accept-Language, If-None-Match, If-Modified-Since",
      "Access-Control-Max-Age": "86400",
      Vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
    },
  });
}

/** Every answer: CORS; a successful read gets an ETag of its body (and keeps the Last-Modified its handler set),
 *  and a client whose copy is current (If-None-Match, or If-Modified-Since without it) gets 304 without a body:
 *  an integration polling a sheet costs no transfer until the sheet changes. */
async function finish(request: Request, response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  for (const [k, v] of Object.entries(CORS)) headers.set(k, v);
  headers.append("Vary", "Authorization");
  if ((request.method !== "GET" && request.method !== "HEAD") || response.status !== 200) {
    return new Response(response.body, { status: response.status, headers });
  }
  const body = await response.text();
  const etag = etagOfBody(body);
  headers.set("ETag", etag);
  const lastModified = headers.get("Last-Modified");
  if (isNotModifiedRequest(request, etag, lastModified ? new Date(lastModified) : null)) {
    headers.delete("Content-Type");
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === "HEAD" ? null : body, { status: 200, headers });
}

export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new BadRequest("本文が大きすぎます（1 MB まで）。", "too_large");
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => {});
        throw new BadRequest("本文が大きすぎます（1 MB まで）。", "too_large");
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder("utf-8").decode(Buffer.concat(chunks));
  if (text.trim() === "") throw new BadRequest("本文（JSON）がありません。");
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest("本文が JSON として読めません。");
  }
}

/** A JSON success response of the token API (never stored: it answers one user, drafts included; a program that
 *  keeps its copy revalidates it with the ETag apiRoute adds). */
export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set("Content-Type", "application/json; charset=utf-8");
  h.set("Cache-Control", "private, no-store");
  return new Response(JSON.stringify(data), { status, headers: h });
}
