// `Authorization: Bearer kpi_…` → the token's user as an Actor, with the same memberships (an officer's 部
// covering its 課) as their signed-in session, and `via` naming the token so every change it makes is audited
// with the token's name. Revoked or expired tokens and disabled users get nothing. Where the organisation requires
// two-factor sign-in of its admins, a token carries the admin role only while its user has two-factor sign-in on
// (a password account without it loses the role; an SSO account, which has no password, relies on its identity
// provider, through which the token was created).
import type { PrismaClient } from "../generated/prisma/client";
import type { Actor } from "../authz/permissions";
import { membershipSelect, toMemberships, type LoadedMembership } from "../auth/memberships";
import { hashToken, isTokenShaped } from "./secret";

/** lastUsedAt is written at most this often per token (a busy robot should not write on every request). */
const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenActor = Omit<Actor, "memberships"> & {
  name: string;
  email: string;
  memberships: LoadedMembership[];
  token: { id: string; name: string; prefix: string; expiresAt: Date | null; createdAt: Date };
};

export async function authenticateToken(prisma: PrismaClient, secret: string, now = new Date()): Promise<TokenActor | null> {
  if (!isTokenShaped(secret)) return null;
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: {
      id: true,
      name: true,
      prefix: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, disabled: true, isOperator: true, passwordHash: true, totpEnabledAt: true, memberships: { select: membershipSelect } } },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) || row.user.disabled) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // the condition in the WHERE keeps parallel requests from all writing
    await prisma.apiToken.updateMany({ where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] }, data: { lastUsedAt: now } });
  }
  return {
    id: row.user.id,
    name: row.user.name,
    email: row.user.email,
    isOperator: row.user.isOperator,
    memberships: toMemberships(row.user.memberships, { twoFactorVerified: row.user.totpEnabledAt !== null || row.user.passwordHash === null }),
    via: { channel: "api", tokenId: row.id, tokenName: row.name },
    token: { id: row.id, name: row.name, prefix: row.prefix, expiresAt: row.expiresAt, createdAt: row.createdAt },
  };
}
