import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "../db";
import { authOptions } from "./options";
import { SESSION_COOKIES } from "./session-cookies";
import type { Actor } from "../authz/permissions";
import { membershipSelect, toMemberships, type LoadedMembership } from "./memberships";

export type CurrentUser = Omit<Actor, "memberships"> & {
  name: string;
  email: string;
  memberships: LoadedMembership[];
};

/**
 * The signed-in user, read fresh from the database (a disabled account or a changed role takes effect at
 * once). A session signed in with an older session version (the user signed out, changed or had their password
 * reset, was disabled or got another role since) is no session. An officer's units include the 課 under each of
 * their 部.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // most readers are anonymous: without a session cookie there is nothing for next-auth to check
  const jar = await cookies();
  if (!SESSION_COOKIES.some((name) => jar.has(name))) return null;
  const session = (await getServerSession(authOptions)) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  const user = await db().user.findUnique({
    where: { id: session.uid },
    select: {
      id: true,
      name: true,
      email: true,
      disabled: true,
      isOperator: true,
      sessionVersion: true,
      memberships: { select: membershipSelect },
    },
  });
  if (!user || user.disabled || user.sessionVersion !== (session.sv ?? 0)) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isOperator: user.isOperator,
    memberships: toMemberships(user.memberships),
  };
});

export async function requireUser(returnTo = "/"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
