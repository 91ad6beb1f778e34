// Personal API tokens: a user creates them for themself (the secret is answered once and never stored), lists
// and revokes their own. Each change is audited in its transaction. A token acts as its user: the API builds
// the same Actor from it as the signed-in session does (lib/tokens/authenticate.ts).
import type { PrismaClient } from "../generated/prisma/client";
import type { Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import { inTransaction } from "../actions/transaction";
import { refuse } from "../actions/refusal";
import { generateTokenSecret, hashToken, tokenPrefix } from "./secret";
import { MAX_TOKEN_DAYS } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

export type CreatedToken = { id: string; name: string; prefix: string; token: string; expiresAt: Date | null };

/** `days: null` (no expiry) is for operators' CLI only; the page and the API cap it at MAX_TOKEN_DAYS. */
export async function createApiToken(prisma: PrismaClient, actor: Actor, input: { name: string; days: number | null }, now = new Date()): Promise<CreatedToken> {
  if (input.days !== null && (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_TOKEN_DAYS)) {
    refuse("invalid", "有効期限を確認してください。", { days: `1〜${MAX_TOKEN_DAYS}日で入力してください` });
  }
  if (input.days === null && actor.via?.channel !== "cli") refuse("forbidden", "有効期限のないトークンは運用管理者がコマンドで作成します。");
  const token = generateTokenSecret();
  const expiresAt = input.days === null ? null : new Date(now.getTime() + input.days * DAY_MS);
  return inTransaction(prisma, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: actor.id }, select: { id: true, disabled: true } });
    if (!user || user.disabled) refuse("unauthenticated", "サインインしてください。");
    const row = await tx.apiToken.create({ data: { userId: user.id, name: input.name, tokenHash: hashToken(token), prefix: tokenPrefix(token), expiresAt }, select: { id: true, name: true, prefix: true, expiresAt: true } });
    await writeAudit(tx, { organizationId: null, userId: actor.id, action: "apiToken.create", entityType: "ApiToken", entityId: row.id, after: { name: row.name, prefix: row.prefix, expiresAt: row.expiresAt }, via: actor.via });
    return { ...row, token };
  });
}

/** A user revokes one of their own tokens (someone else's is "not found", not "forbidden"). */
export async function revokeApiToken(prisma: PrismaClient, actor: Actor, input: { tokenId: string }, now = new Date()) {
  return inTransaction(prisma, async (tx) => {
    const row = await tx.apiToken.findFirst({ where: { id: input.tokenId, userId: actor.id }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (!row) refuse("not_found", "トークンが見つかりません。");
    if (row.revokedAt) return { id: row.id, name: row.name, changed: false };
    await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: now } });
    await writeAudit(tx, { organizationId: null, userId: actor.id, action: "apiToken.revoke", entityType: "ApiToken", entityId: row.id, before: { revokedAt: null }, after: { name: row.name, prefix: row.prefix, revokedAt: now }, via: actor.via });
    return { id: row.id, name: row.name, changed: true };
  });
}
