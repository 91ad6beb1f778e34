// The confirmation step of an import carries the checked changes in a hidden form field, signed with an
// HMAC (SHA-256, key derived from AUTH_SECRET) so the browser can show them back but not alter them. It
// survives server restarts and needs no store; it binds the user, the plan and the year, and expires.
// Applying still re-checks everything (permissions, open year, sheet state, and that each value is still
// the one the user saw), so a token is a convenience, never an authority.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const TOKEN_LIFETIME_MS = 30 * 60 * 1000;

const cell = z.object({ value: z.string().regex(/^-?\d+(\.\d+)?$/).nullable(), text: z.string().max(1000).nullable() });

const payloadSchema = z.object({
  v: z.literal(1),
  userId: z.string().min(1),
  organizationCode: z.string().min(1),
  planSlug: z.string().min(1),
  evaluationYear: z.number().int(),
  expiresAt: z.number().int(),
  changes: z
    .array(z.object({ measureId: z.string().min(1), seriesId: z.string().min(1), row: z.number().int(), before: cell.nullable(), after: cell }))
    .max(10_000),
});

export type ImportToken = z.infer<typeof payloadSchema>;
export type ImportTokenInput = Omit<ImportToken, "v" | "expiresAt">;

function key(secret: string): Buffer {
  return createHmac("sha256", secret).update("kpi-dashboard/excel-import/v1").digest();
}

function mac(secret: string, body: string): Buffer {
  return createHmac("sha256", key(secret)).update(body).digest();
}

export function signImportToken(input: ImportTokenInput, secret: string, now = Date.now()): string {
  const payload: ImportToken = { v: 1, ...input, expiresAt: now + TOKEN_LIFETIME_MS };
  const body = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  return `${body}.${mac(secret, body).toString("base64url")}`;
}

export type VerifyResult = { ok: true; payload: ImportToken } | { ok: false; reason: "invalid" | "expired" };

export function verifyImportToken(token: string, secret: string, now = Date.now()): VerifyResult {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "invalid" };
  const expected = mac(secret, body);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  if (parsed.data.expiresAt < now) return { ok: false, reason: "expired" };
  return { ok: true, payload: parsed.data };
}
