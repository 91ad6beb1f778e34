import "server-only";
import { db } from "../db";
import type { Actor } from "../authz/permissions";
import { can } from "../authz/permissions";

/** The organisations the user administers, with their plans, evaluation years, units and users. */
export async function getAdminOverview(user: Actor) {
  const orgIds = user.memberships.filter((m) => can(user, "user.manage", { organizationId: m.organizationId })).map((m) => m.organizationId);
  return db().organization.findMany({
    where: { id: { in: orgIds } },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      plans: { orderBy: { startYear: "desc" }, select: { id: true, slug: true, name: true, startYear: true, endYear: true, evaluationYears: { orderBy: { fiscalYear: "desc" } } } },
      units: { orderBy: { path: "asc" }, select: { id: true, name: true, path: true, parentId: true } },
      memberships: {
        orderBy: { user: { email: "asc" } },
        select: { role: true, user: { select: { id: true, email: true, name: true, disabled: true, isDemo: true, lockedUntil: true } }, units: { select: { unitId: true } } },
      },
    },
  });
}
