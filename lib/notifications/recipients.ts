// Who is told: the planning division (the organisation's active admins) and the officers of a KPI (active users
// whose officer membership may edit the KPI's sheet — decided by the permission table itself, so a 部 covers its
// 課 exactly as it does for editing). Disabled users never receive anything.
import type { Prisma } from "../generated/prisma/client";
import { can, type Resource } from "../authz/permissions";
import { membershipSelect, toMemberships } from "../auth/memberships";

type Tx = Prisma.TransactionClient;

export type Recipient = { id: string; email: string; name: string };

/** The planning division (企画担当): active admins of the organisation. */
export async function planningDivision(tx: Tx, organizationId: string): Promise<Recipient[]> {
  return tx.user.findMany({
    where: { disabled: false, memberships: { some: { organizationId, role: "admin" } } },
    select: { id: true, email: true, name: true },
    orderBy: { email: "asc" },
  });
}

export type OfficerPool = { recipients: Recipient[]; officersOf: (measure: { ownerUnitIds: readonly string[] }) => Recipient[] };

/** The organisation's active officers, loaded once; `officersOf` picks those who may edit a KPI's sheet. */
export async function loadOfficers(tx: Tx, organizationId: string): Promise<OfficerPool> {
  const users = await tx.user.findMany({
    where: { disabled: false, memberships: { some: { organizationId, role: "officer" } } },
    select: { id: true, email: true, name: true, memberships: { where: { organizationId, role: "officer" }, select: membershipSelect } },
    orderBy: { email: "asc" },
  });
  const actors = users.map((u) => ({ user: { id: u.id, email: u.email, name: u.name }, actor: { id: u.id, memberships: toMemberships(u.memberships) } }));
  return {
    recipients: actors.map((a) => a.user),
    officersOf: (measure) => {
      const resource: Resource = { organizationId, ownerUnitIds: measure.ownerUnitIds };
      return actors.filter((a) => can(a.actor, "sheet.edit", resource)).map((a) => a.user);
    },
  };
}

/** The officers of one KPI. */
export async function officersOfMeasure(tx: Tx, organizationId: string, ownerUnitIds: readonly string[]): Promise<Recipient[]> {
  return (await loadOfficers(tx, organizationId)).officersOf({ ownerUnitIds });
}
