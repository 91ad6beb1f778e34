// The user of a session (the claims of its cookie), read fresh from the database: a disabled account, an older
// session version (signed out, password changed or reset, disabled, role changed since) is no user. Apart from
// getCurrentUser so that tests can build the actor of a session without a browser.
// Two-factor: a session counts as verified when it was signed in with a second factor (mfa) on an account that has
// two-factor sign-in on, or through the organisation's identity provider (sso), which does its own checks.
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { membershipsJsonSql, toMemberships, type MembershipRow } from "./memberships";
import { unreadCountSql } from "../notifications/unread";

export type SessionClaims = { uid?: string; sv?: number; mfa?: boolean; sso?: boolean };

export async function loadSessionUser(prisma: PrismaClient, session: SessionClaims) {
  if (!session.uid) return null;
  // one statement: the user with their memberships, organisations and units, and the count of unread notifications
  // the header shows on every page (a statement of its own cost a signed-in page as much CPU as this one)
  const rows = await prisma.$queryRaw<{ id: string; name: string; email: string; disabled: boolean; isOperator: boolean; sessionVersion: number; totpEnabledAt: Date | null; memberships: MembershipRow[]; unread: number }[]>`
    SELECT u.id, u.name, u.email, u.disabled, u."isOperator", u."sessionVersion", u."totpEnabledAt", ${membershipsJsonSql(Prisma.sql`u.id`)} AS memberships,
      ${unreadCountSql(Prisma.sql`u.id`)} AS unread
    FROM "User" u WHERE u.id = ${session.uid}`;
  const user = rows[0];
  if (!user || user.disabled || user.sessionVersion !== (session.sv ?? 0)) return null;
  const twoFactorVerified = session.sso === true || (session.mfa === true && user.totpEnabledAt !== null);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isOperator: user.isOperator,
    memberships: toMemberships(user.memberships, { twoFactorVerified }),
    /** unread notifications when the request began (the header's count; the rule: lib/notifications/unread.ts) */
    unreadNotifications: user.unread,
  };
}
