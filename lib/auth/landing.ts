// Where a user lands after signing in without asking for a page: where their work is. Pure (the caller loads the
// user's memberships and each organisation's current plan); an explicit, safe callbackUrl wins over it.
import { planPath } from "../paths";
import { roleCanRead, type Read } from "../authz/permissions";

/** The route that signs-in land on when no callbackUrl was asked for: it computes the landing and redirects. */
export const LANDING_ROUTE = "/signin/landing";

export type LandingUser = {
  isOperator?: boolean;
  memberships: readonly { role: string; organizationCode: string }[];
};
/** Each organisation's current plan (its open evaluation year's, else its latest public plan), by organisation code. */
export type CurrentPlans = Record<string, string | null | undefined>;

/**
 * Officers and the planning division (admin) → /work (their sheets, every department's for the admin);
 * committee members → the review list of their organisation's current plan; viewers → that plan's overview;
 * operators without an organisation → /system; anyone else → the dashboard's front page.
 * When a user has several roles, the one with the most to do wins (admin/officer, then committee, then viewer).
 */
export function landingPath(user: LandingUser, plans: CurrentPlans): string {
  // the permission table's read part says who has which work (lib/authz/permissions.ts READ_PERMISSIONS)
  const first = (read: Read) => user.memberships.find((m) => roleCanRead(m.role, read));
  if (first("work.view")) return "/work";
  const committee = first("review.view");
  if (committee) {
    const slug = plans[committee.organizationCode];
    return slug ? `${planPath(committee.organizationCode, slug)}/review` : "/review";
  }
  const viewer = first("staff.view");
  if (viewer) {
    const slug = plans[viewer.organizationCode];
    return slug ? planPath(viewer.organizationCode, slug) : "/";
  }
  if (user.isOperator) return "/system";
  return "/";
}
