// The user of a session (the claims of its cookie), read fresh from the database: a disabled account, an older
// session version (signed out, password changed or reset, disabled, role changed since) is no user. Apart from
// getCurrentUser so that tests can build the actor of a session without a browser.
// Two-factor: a session counts as verified when it was signed in with a second factor (mfa) on an account that has
// two-factor sign-in on, or through the organisation's identity provider (sso), which does its own checks.
import type { PrismaClient } from "../generated/prisma/client";
import { membershipSelect, toMemberships } from "./memberships";

export type SessionClaims = { uid?: string; sv?: number; mfa?: boolean; sso?: boolean };

export async function loadSessionUser(prisma: PrismaClient, session: SessionClaims) {
  if (!session.uid) return null;
  const user = await prisma.user.findUnique({
    where: { id: session.uid },
    select: {
      id: true,
      name: true,
      email: true,
      disabled: true,
      isOperator: true,
      sessionVersion: true,
      totpEnabledAt: true,
      memberships: { select: membershipSelect },
    },
  });
  if (!user || user.disabled || user.sessionVersion !== (session.sv ?? 0)) return null;
  const twoFactorVerified = session.sso === true || (session.mfa === true && user.totpEnabledAt !== null);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isOperator: user.isOperator,
    memberships: toMemberships(user.memberships, { twoFactorVerified }),
  };
}
