// After a sign-in that asked for no page: send the user where their work is (lib/auth/landing.ts).
import { getCurrentUser } from "@/lib/auth/current-user";
import { landingPath } from "@/lib/auth/landing";
import { getCurrentPlans } from "@/lib/auth/landing-plans";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getCurrentUser();
  const to = user ? landingPath(user, await getCurrentPlans(user.memberships.map((m) => m.organizationCode))) : "/signin";
  // a relative Location: the browser resolves it against the address it used, whatever proxy is in front
  return new Response(null, { status: 303, headers: { Location: to, "Cache-Control": "private, no-store" } });
}
