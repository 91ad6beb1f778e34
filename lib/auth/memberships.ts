// A user's memberships as the permission table reads them, loaded the same way for every channel (the signed-in
// session, an API token): an officer's units include the 課 under each of their 部.
// Where an organisation requires two-factor sign-in of its admins (Organization.requireAdminTwoFactor), an admin
// membership counts only when the channel is verified (lib/auth/session-user.ts, lib/tokens/authenticate.ts);
// otherwise it is read as a viewer's, marked `needsTwoFactor`, so that every permission check refuses on the server
// and the pages can say why.
import { Prisma } from "../generated/prisma/client";

export const membershipSelect = {
  organizationId: true,
  role: true,
  organization: { select: { code: true, name: true, requireAdminTwoFactor: true } },
  // in a fixed order (the unit's name, then id), the same as membershipsJsonSql's: /me and the menus list them so
  units: { orderBy: [{ unit: { name: "asc" } }, { unitId: "asc" }], select: { unit: { select: { id: true, name: true, children: { orderBy: { id: "asc" }, select: { id: true } } } } } },
} satisfies Prisma.MembershipSelect;

export type MembershipRow = Prisma.MembershipGetPayload<{ select: typeof membershipSelect }>;

/** The same rows as one SQL expression (a JSON array), for a query that loads a user in one statement (every signed-in
 *  page loads its user): Prisma would send one statement per relation. `userId`: the outer query's user id column. */
export function membershipsJsonSql(userId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT coalesce(json_agg(json_build_object('organizationId', m."organizationId", 'role', m.role,
        'organization', json_build_object('code', o.code, 'name', o.name, 'requireAdminTwoFactor', o."requireAdminTwoFactor"),
        'units', (SELECT coalesce(json_agg(json_build_object('unit', json_build_object('id', mu_u.id, 'name', mu_u.name,
            'children', (SELECT coalesce(json_agg(json_build_object('id', c.id) ORDER BY c.id), '[]'::json) FROM "OrgUnit" c WHERE c."parentId" = mu_u.id))) ORDER BY mu_u.name, mu."unitId"), '[]'::json)
          FROM "MembershipUnit" mu JOIN "OrgUnit" mu_u ON mu_u.id = mu."unitId" WHERE mu."membershipId" = m.id))), '[]'::json)
    FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId"
    WHERE m."userId" = ${userId})`;
}

export type LoadedMembership = {
  organizationId: string;
  organizationCode: string;
  organizationName: string;
  role: string;
  unitIds: string[];
  unitNames: string[];
  /** an admin membership held back until the user signs in with two-factor sign-in (the organisation requires it) */
  needsTwoFactor?: true;
};

/** `twoFactorVerified`: the channel proved a second factor (or an identity provider did); fails closed when absent. */
export function toMemberships(rows: readonly MembershipRow[], options: { twoFactorVerified?: boolean } = {}): LoadedMembership[] {
  return rows.map((m) => {
    const held = m.role === "admin" && m.organization.requireAdminTwoFactor && options.twoFactorVerified !== true;
    return {
      organizationId: m.organizationId,
      organizationCode: m.organization.code,
      organizationName: m.organization.name,
      role: held ? "viewer" : m.role,
      unitIds: m.units.flatMap((u) => [u.unit.id, ...u.unit.children.map((c) => c.id)]),
      unitNames: m.units.map((u) => u.unit.name),
      ...(held ? { needsTwoFactor: true as const } : {}),
    };
  });
}
