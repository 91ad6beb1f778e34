// The confirmation step of an import carries the checked changes in a hidden form field, signed with an
// HMAC (SHA-256, key derived from AUTH_SECRET) so the browser can show them back but not alter them. It
// survives server restarts and needs no store; it binds the user, the plan and the year, and expires.
// Applying still re-checks everything (permissions, open year, sheet state, and that each sheet is still at the
// version the user saw), so a token is a convenience, never an authority. The choices for stale rows are not in
// it: the user makes them after the preview, and applying refuses a stale row without one.
import { z } from "zod";
import { NARRATIVE_MAX } from "../sheets/schemas";
import { signToken, verifyToken, type VerifyResult as SignedVerifyResult } from "../auth/signed-token";

export const TOKEN_LIFETIME_MS = 30 * 60 * 1000;

const cell = z.object({ value: z.string().regex(/^-?\d+(\.\d+)?$/).nullable(), text: z.string().max(1000).nullable() });

const text = z.string().max(NARRATIVE_MAX).nullable();
const common = { measureId: z.string().min(1), sheet: z.string().min(1).max(20), row: z.number().int(), version: z.number().int().min(0), stale: z.boolean() };
const change = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("value"), ...common, seriesId: z.string().min(1), before: cell.nullable(), after: cell }),
  z.object({ kind: z.literal("narrative"), ...common, field: z.enum(["effortStatus", "issues", "direction"]), before: text, after: text }),
]);

const payloadSchema = z.object({
  v: z.literal(2),
  userId: z.string().min(1),
  organizationCode: z.string().min(1),
  planSlug: z.string().min(1),
  evaluationYear: z.number().int(),
  expiresAt: z.number().int(),
  changes: z.array(change).max(10_000),
});

export type ImportToken = z.infer<typeof payloadSchema>;
export type ImportTokenInput = Omit<ImportToken, "v" | "expiresAt">;

const PURPOSE = "kpi-dashboard/excel-import/v2";

export function signImportToken(input: ImportTokenInput, secret: string, now = Date.now()): string {
  return signToken(PURPOSE, { v: 2, ...input, expiresAt: now + TOKEN_LIFETIME_MS } satisfies ImportToken, secret);
}

export type VerifyResult = SignedVerifyResult<ImportToken>;

export function verifyImportToken(token: string, secret: string, now = Date.now()): VerifyResult {
  return verifyToken(PURPOSE, payloadSchema, token, secret, now);
}
