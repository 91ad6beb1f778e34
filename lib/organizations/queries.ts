import "server-only";
// Reads for the operator's page (/system) and an organisation's set-up pages.
import { db } from "../db";
import { can, type Actor } from "../authz/permissions";

/** Every organisation with its number of plans and users: operators only (null for anyone else). */
export async function listOrganizationsForOperator(actor: Actor | null) {
  if (!can(actor, "organization.list", "installation")) return null;
  const rows = await db().organization.findMany({
    orderBy: [{ kind: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, kind: true, _count: { select: { plans: true, memberships: true } } },
  });
  return rows.map((o) => ({ id: o.id, code: o.code, name: o.name, kind: o.kind, plans: o._count.plans, members: o._count.memberships }));
}

/** An organisation's set-up home: its plans (every status) with their KPI counts, for its administrators. */
export async function getOrganizationSetup(code: string) {
  return db().organization.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      _count: { select: { units: { where: { retiredAt: null } } } },
      plans: {
        orderBy: [{ startYear: "desc" }, { slug: "asc" }],
        select: { id: true, slug: true, name: true, startYear: true, endYear: true, status: true, predecessor: { select: { name: true } }, _count: { select: { measures: { where: { retiredAt: null } } } } },
      },
    },
  });
}

/** The organisation's units as a two-level tree (部 → 課), retired ones included and flagged. */
export async function getUnitTree(organizationId: string) {
  const units = await db().orgUnit.findMany({
    where: { organizationId },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, path: true, parentId: true, retiredAt: true, _count: { select: { owners: true, memberships: true } } },
  });
  const node = (u: (typeof units)[number]) => ({ id: u.id, name: u.name, path: u.path, parentId: u.parentId, retired: u.retiredAt !== null, owners: u._count.owners, members: u._count.memberships });
  return units.filter((u) => !u.parentId).map((d) => ({ ...node(d), children: units.filter((c) => c.parentId === d.id).map(node) }));
}
