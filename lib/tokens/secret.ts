// The secret of a personal API token: `kpi_` + 32 random bytes (base64url). Only its SHA-256 is stored, so a
// leaked database does not leak working tokens; the first characters are kept to tell tokens apart in lists.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "kpi_";
const PREFIX_LENGTH = TOKEN_PREFIX.length + 8;

export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function tokenPrefix(secret: string): string {
  return secret.slice(0, PREFIX_LENGTH);
}

/** Looks like one of ours (cheap check before touching the database). */
export function isTokenShaped(secret: string): boolean {
  return secret.startsWith(TOKEN_PREFIX) && /^[A-Za-z0-9_-]{40,60}$/.test(secret.slice(TOKEN_PREFIX.length));
}
