// A user's memberships as the permission table reads them, loaded the same way for every channel (the signed-in
// session, an API token): an officer's units include the 課 under each of their 部.
import type { Prisma } from "../generated/prisma/client";

export const membershipSelect = {
  organizationId: true,
  role: true,
  organization: { select: { code: true, name: true } },
  units: { select: { unit: { select: { id: true, name: true, children: { select: { id: true } } } } } },
} satisfies Prisma.MembershipSelect;

type MembershipRow = Prisma.MembershipGetPayload<{ select: typeof membershipSelect }>;

export type LoadedMembership = { organizationId: string; organizationCode: string; organizationName: string; role: string; unitIds: string[]; unitNames: string[] };

export function toMemberships(rows: readonly MembershipRow[]): LoadedMembership[] {
  return rows.map((m) => ({
    organizationId: m.organizationId,
    organizationCode: m.organization.code,
    organizationName: m.organization.name,
    role: m.role,
    unitIds: m.units.flatMap((u) => [u.unit.id, ...u.unit.children.map((c) => c.id)]),
    unitNames: m.units.map((u) => u.unit.name),
  }));
}
