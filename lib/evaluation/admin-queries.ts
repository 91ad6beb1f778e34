import "server-only";
// The evaluation-year panel of /admin: each plan's years with their extensions, and the departments (top-level
// units) an extension can name — for the organisations the user manages evaluation for. Two queries in all.
import { db } from "../db";
import { can, type Actor } from "../authz/permissions";

export async function getEvaluationAdmin(user: Actor) {
  const orgIds = user.memberships.filter((m) => can(user, "evaluation.manage", { organizationId: m.organizationId })).map((m) => m.organizationId);
  if (orgIds.length === 0) return [];
  return db().organization.findMany({
    where: { id: { in: orgIds } },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      units: { where: { parentId: null, retiredAt: null }, orderBy: [{ sortOrder: "asc" }, { path: "asc" }], select: { id: true, name: true } },
      plans: {
        orderBy: { startYear: "desc" },
        select: {
          id: true,
          slug: true,
          name: true,
          startYear: true,
          endYear: true,
          evaluationYears: {
            orderBy: { fiscalYear: "desc" },
            select: {
              id: true,
              fiscalYear: true,
              status: true,
              deadline: true,
              reminderDays: true,
              extensions: {
                orderBy: { deadline: "asc" },
                select: { id: true, deadline: true, reason: true, unit: { select: { name: true } }, measure: { select: { number: true, name: true } }, createdBy: { select: { name: true } } },
              },
            },
          },
        },
      },
    },
  });
}

export type EvaluationAdminOrg = Awaited<ReturnType<typeof getEvaluationAdmin>>[number];
