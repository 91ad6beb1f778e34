// An organisation's sign-in rules, set by its admins: two-factor sign-in required of its admins
// (管理者に2段階認証を必須にする). Switched on only by an admin who has two-factor sign-in on themselves — otherwise
// they would take away their own admin rights with the click. Audited in the same transaction.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { assertCan, type Actor } from "../authz/permissions";
import { writeAudit } from "../audit/log";
import { inTransaction } from "../actions/transaction";
import { refuse } from "../actions/refusal";

export const adminTwoFactorSchema = z.object({
  organizationId: z.string().min(1).max(100),
  // a checkbox: "on" when ticked, absent otherwise
  required: z.enum(["on", "off"]).default("off"),
});

export async function setAdminTwoFactorRequirement(prisma: PrismaClient, actor: Actor, input: z.output<typeof adminTwoFactorSchema>): Promise<{ required: boolean; changed: boolean }> {
  assertCan(actor, "organization.security", { organizationId: input.organizationId });
  const required = input.required === "on";
  return inTransaction(prisma, async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, requireAdminTwoFactor: true } });
    if (!org) refuse("not_found", "団体が見つかりません。");
    if (org.requireAdminTwoFactor === required) return { required, changed: false };
    if (required) {
      const me = await tx.user.findUnique({ where: { id: actor.id }, select: { totpEnabledAt: true, passwordHash: true } });
      // an SSO admin (no password) relies on the identity provider and keeps their rights
      if (me?.passwordHash && !me.totpEnabledAt) {
        refuse("state", "先にご自身の2段階認証を有効にしてください（アカウントのページ）。有効にしないまま必須にすると、ご自身も管理者の機能を使えなくなります。", { required: "ご自身の2段階認証が有効になっていません" });
      }
    }
    await tx.organization.update({ where: { id: org.id }, data: { requireAdminTwoFactor: required } });
    await writeAudit(tx, { organizationId: org.id, userId: actor.id, action: "organization.security", entityType: "Organization", entityId: org.id, before: { requireAdminTwoFactor: org.requireAdminTwoFactor }, after: { requireAdminTwoFactor: required }, via: actor.via });
    return { required, changed: true };
  });
}

/** The set-up page's view: the setting and the organisation's admins without two-factor sign-in (they lose rights). */
export async function getAdminTwoFactorOverview(prisma: PrismaClient, organizationId: string) {
  const [org, admins] = await Promise.all([
    prisma.organization.findUnique({ where: { id: organizationId }, select: { requireAdminTwoFactor: true } }),
    prisma.membership.findMany({ where: { organizationId, role: "admin", user: { disabled: false } }, select: { user: { select: { name: true, email: true, passwordHash: true, totpEnabledAt: true } } }, orderBy: { user: { name: "asc" } } }),
  ]);
  return {
    required: org?.requireAdminTwoFactor ?? false,
    admins: admins.map((m) => ({ name: m.user.name, email: m.user.email, sso: m.user.passwordHash === null, enabled: m.user.totpEnabledAt !== null })),
  };
}
