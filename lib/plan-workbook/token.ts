// The confirmation step carries the previewed changes in a hidden form field, signed with an HMAC (SHA-256,
// key derived from AUTH_SECRET, its own purpose string) so the browser can show them back but not alter them,
// as lib/excel/confirm-token.ts does for the actuals import. It binds the user and the plan, expires, and holds
// for each KPI a digest of its state as previewed: applying refuses when any KPI changed since, so what is
// applied is exactly what was previewed.
import { createHash } from "node:crypto";
import { z } from "zod";
import { signToken, verifyToken, type VerifyResult as SignedVerifyResult } from "../auth/signed-token";

export const TOKEN_LIFETIME_MS = 30 * 60 * 1000;
/** A hidden field must fit the server actions' body limit with room to spare. */
export const MAX_TOKEN_LENGTH = 800_000;

const changeSchema = z.object({
  currentNumber: z.string().nullable(),
  number: z.string(),
  name: z.string(),
  row: z.number().int(),
  /** the definition as validated (the schema's output; parsed again when applied) */
  definition: z.unknown(),
  definitionChanged: z.boolean(),
  retire: z.enum(["retire", "restore"]).nullable(),
  reason: z.string().nullable(),
  /** digest of the KPI as it was when previewed (null: it did not exist) */
  before: z.string().nullable(),
  seriesRows: z.array(z.number().int()),
  yearlyHeaders: z.array(z.array(z.string())),
});
const payloadSchema = z.object({
  v: z.literal(1),
  userId: z.string().min(1),
  organizationCode: z.string().min(1),
  planSlug: z.string().min(1),
  expiresAt: z.number().int(),
  /** headers as written in the file (for messages) */
  written: z.array(z.tuple([z.string(), z.string()])),
  changes: z.array(changeSchema).max(5000),
});
export type WorkbookToken = z.infer<typeof payloadSchema>;
export type TokenChange = z.infer<typeof changeSchema>;

const PURPOSE = "kpi-dashboard/plan-workbook/v1";

/** A digest of a KPI's stored state (its canonical definition and whether it is retired). */
export function stateDigest(state: { retired: boolean; definition: unknown } | null): string | null {
  return state ? createHash("sha256").update(JSON.stringify(state)).digest("base64url") : null;
}

export function signWorkbookToken(input: Omit<WorkbookToken, "v" | "expiresAt">, secret: string, now = Date.now()): string {
  return signToken(PURPOSE, { v: 1, ...input, expiresAt: now + TOKEN_LIFETIME_MS } satisfies WorkbookToken, secret);
}

export type VerifyResult = SignedVerifyResult<WorkbookToken>;

export function verifyWorkbookToken(token: string, secret: string, now = Date.now()): VerifyResult {
  return verifyToken(PURPOSE, payloadSchema, token, secret, now);
}
