// A value the browser carries back unchanged (a hidden form field): JSON in base64url, signed with an HMAC-SHA256
// whose key is derived from AUTH_SECRET and a purpose string (a token of one feature never passes for another's),
// with an expiry. Stateless, so it survives restarts and several servers. A token is a convenience, never an
// authority: whoever accepts one re-checks rights and state.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { z } from "zod";

export type VerifyResult<T> = { ok: true; payload: T } | { ok: false; reason: "invalid" | "expired" };

function mac(purpose: string, secret: string, body: string): Buffer {
  const key = createHmac("sha256", secret).update(purpose).digest();
  return createHmac("sha256", key).update(body).digest();
}

export function signToken<T extends { expiresAt: number }>(purpose: string, payload: T, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  return `${body}.${mac(purpose, secret, body).toString("base64url")}`;
}

export function verifyToken<S extends z.ZodType<{ expiresAt: number }>>(purpose: string, schema: S, token: string, secret: string, now = Date.now()): VerifyResult<z.output<S>> {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "invalid" };
  const expected = mac(purpose, secret, body);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  if (parsed.data.expiresAt < now) return { ok: false, reason: "expired" };
  return { ok: true, payload: parsed.data };
}
