import "server-only";
// The current plan of each organisation the user belongs to, for the landing after sign-in: the plan with the
// latest open evaluation year, else the latest plan in operation. One query whatever the number of memberships.
import { db } from "../db";
import { PUBLIC_PLAN } from "../plans/visibility";
import type { CurrentPlans } from "./landing";

export async function getCurrentPlans(organizationCodes: readonly string[]): Promise<CurrentPlans> {
  if (organizationCodes.length === 0) return {};
  const plans = await db().plan.findMany({
    where: { organization: { code: { in: [...organizationCodes] } }, ...PUBLIC_PLAN },
    orderBy: { startYear: "desc" },
    select: { slug: true, status: true, organization: { select: { code: true } }, evaluationYears: { where: { status: "open" }, orderBy: { fiscalYear: "desc" }, take: 1, select: { fiscalYear: true } } },
  });
  const out: CurrentPlans = {};
  for (const code of organizationCodes) {
    const own = plans.filter((p) => p.organization.code === code);
    const open = own.filter((p) => p.evaluationYears.length > 0).sort((a, b) => b.evaluationYears[0].fiscalYear - a.evaluationYears[0].fiscalYear)[0];
    out[code] = (open ?? own.find((p) => p.status === "active") ?? own[0])?.slug ?? null;
  }
  return out;
}
