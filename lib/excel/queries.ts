import "server-only";
import { db } from "../db";
import type { CurrentUser } from "../auth/current-user";
import { mayImport } from "./apply-import";
import { canSeePlan } from "../plans/visibility";
import { grantedUnitIds } from "../authz/permissions";

/** The import page: the plan, its evaluation years, whether the user may import, and their departments. */
export async function getImportPageData(user: CurrentUser, code: string, slug: string) {
  const plan = await db().plan.findFirst({
    where: { slug, organization: { code } },
    select: {
      id: true,
      slug: true,
      name: true,
      organizationId: true,
      status: true,
      organization: { select: { code: true, name: true } },
      evaluationYears: { orderBy: { fiscalYear: "desc" }, select: { fiscalYear: true, status: true, deadline: true } },
    },
  });
  if (!plan || !canSeePlan(user, plan)) return null;
  const unitIds = grantedUnitIds(user, "import.values", plan.organizationId);
  // the officer's 部, for a download of just their part of the plan
  const departments = unitIds.length
    ? await db().orgUnit.findMany({
        where: { id: { in: unitIds }, parentId: null, OR: [{ owners: { some: { measure: { planId: plan.id } } } }, { children: { some: { owners: { some: { measure: { planId: plan.id } } } } } }] },
        orderBy: { sortOrder: "asc" },
        select: { id: true, name: true },
      })
    : [];
  return { plan, allowed: mayImport(user, plan.organizationId), departments };
}
