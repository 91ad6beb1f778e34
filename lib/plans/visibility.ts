// Who sees a plan: a plan being set up (準備中) is seen only by its organisation's members; once 運用中 or 終了 it
// is public. Lists and open data leave 準備中 plans out in their query (PUBLIC_PLAN); a page that loads one plan
// from a cache shared by every reader asks canSeePlan with the reader, and answers 404 to outsiders.
export const PUBLIC_PLAN = { status: { not: "preparing" as const } };

export function canSeePlan(reader: { memberships: readonly { organizationId: string }[] } | null, plan: { status: string; organizationId: string }): boolean {
  if (plan.status !== "preparing") return true;
  return reader?.memberships.some((m) => m.organizationId === plan.organizationId) ?? false;
}
