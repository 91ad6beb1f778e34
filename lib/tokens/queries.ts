// A user's own tokens for the /account page: never the hash, only what tells them apart.
import type { PrismaClient } from "../generated/prisma/client";

export const TOKEN_STATE_LABELS = { active: "有効", revoked: "失効", expired: "期限切れ" } as const;
export type TokenState = keyof typeof TOKEN_STATE_LABELS;

export function tokenState(t: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): TokenState {
  if (t.revokedAt) return "revoked";
  if (t.expiresAt && t.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export async function listApiTokens(prisma: PrismaClient, userId: string, now = new Date()) {
  const rows = await prisma.apiToken.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((r) => ({ ...r, state: tokenState(r, now) }));
}
