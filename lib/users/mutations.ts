// Planning division (organisation admin): give users a role and units in the organisation (new people join by
// invitation: lib/users/invitations.ts),
// disable them, reset passwords. An admin acts only within their own organisation; every change is audited in its
// transaction, and a refusal is the one Refusal (lib/actions/refusal.ts), answered by runAction.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { assertCan, can, ForbiddenError, ROLES, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/passwords";
import { inTransaction, type Tx } from "../actions/transaction";
import { refuse } from "../actions/refusal";

const password = z.string().min(MIN_PASSWORD_LENGTH, `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください`).max(200);

export const membershipSchema = z.object({
  organizationId: z.string().min(1),
  userId: z.string().min(1),
  role: z.enum(ROLES, { message: "役割を選んでください" }),
  unitIds: z.array(z.string()).default([]),
});

export const resetPasswordSchema = z.object({ organizationId: z.string().min(1), userId: z.string().min(1), password });
export const disableSchema = z.object({ organizationId: z.string().min(1), userId: z.string().min(1), disabled: z.enum(["true", "false"]).transform((v) => v === "true") });

async function checkUnits(tx: Tx, organizationId: string, role: string, unitIds: string[]): Promise<void> {
  if (role === "officer" && unitIds.length === 0) refuse("invalid", "担当部局・課を選んでください。", { unitIds: "担当者には担当部局・課が必要です" });
  const found = await tx.orgUnit.count({ where: { id: { in: unitIds }, organizationId } });
  if (found !== unitIds.length) refuse("invalid", "この団体の部局・課ではありません。", { unitIds: "この団体の部局・課を選んでください" });
}

/** Replaces the user's memberships in this organisation with one role and its units. */
export async function setMembership(prisma: PrismaClient, actor: Actor, input: z.output<typeof membershipSchema>): Promise<void> {
  assertCan(actor, "user.manage", { organizationId: input.organizationId });
  await inTransaction(prisma, async (tx) => {
    await checkUnits(tx, input.organizationId, input.role, input.unitIds);
    // only a user who already belongs to this organisation: an id from elsewhere must not pull another
    // organisation's user in (and then out of their own organisation's reach)
    const user = await tx.user.findFirst({ where: { id: input.userId, memberships: { some: { organizationId: input.organizationId } } }, select: { id: true } });
    if (!user) refuse("not_found", "利用者が見つかりません。");
    const before = await tx.membership.findMany({ where: { userId: user.id, organizationId: input.organizationId }, include: { units: true } });
    await tx.membership.deleteMany({ where: { userId: user.id, organizationId: input.organizationId } });
    await tx.membership.create({ data: { userId: user.id, organizationId: input.organizationId, role: input.role, units: { create: input.unitIds.map((unitId) => ({ unitId })) } } });
    // a new role starts with a new session: sessions signed in under the old one end
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, {
      organizationId: input.organizationId,
      userId: actor.id,
      action: "user.setRole",
      entityType: "User",
      entityId: user.id,
      before: before.map((m) => ({ role: m.role, unitIds: m.units.map((u) => u.unitId) })),
      after: [{ role: input.role, unitIds: input.unitIds }],
    });
  });
}

/** A user is managed by an admin only if all their memberships are in organisations that admin manages. */
async function managedUser(tx: Tx, actor: Actor, organizationId: string, userId: string) {
  assertCan(actor, "user.manage", { organizationId });
  const user = await tx.user.findUnique({ where: { id: userId }, include: { memberships: true } });
  if (!user || user.memberships.length === 0 || !user.memberships.every((m) => can(actor, "user.manage", { organizationId: m.organizationId }))) throw new ForbiddenError("user.manage");
  return user;
}

export async function setUserDisabled(prisma: PrismaClient, actor: Actor, input: z.output<typeof disableSchema>): Promise<void> {
  await inTransaction(prisma, async (tx) => {
    const user = await managedUser(tx, actor, input.organizationId, input.userId);
    if (user.id === actor.id && input.disabled) refuse("invalid", "自分自身は無効にできません。");
    await tx.user.update({ where: { id: user.id }, data: { disabled: input.disabled, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { organizationId: input.organizationId, userId: actor.id, action: input.disabled ? "user.disable" : "user.enable", entityType: "User", entityId: user.id, before: { disabled: user.disabled }, after: { disabled: input.disabled } });
  });
}

export async function resetPassword(prisma: PrismaClient, actor: Actor, input: z.output<typeof resetPasswordSchema>): Promise<void> {
  // hashed before the transaction (it is slow on purpose), and only for someone who may manage users at all
  assertCan(actor, "user.manage", { organizationId: input.organizationId });
  const passwordHash = await hashPassword(input.password);
  await inTransaction(prisma, async (tx) => {
    const user = await managedUser(tx, actor, input.organizationId, input.userId);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, failedLogins: 0, lockedUntil: null, sessionVersion: { increment: 1 } } });
    // the audit records that the password changed, never the password or its hash
    await writeAudit(tx, { organizationId: input.organizationId, userId: actor.id, action: "user.resetPassword", entityType: "User", entityId: user.id, after: { passwordChanged: true } });
  });
}
