import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "../db";
import { authOptions } from "./options";
import { SESSION_COOKIES } from "./session-cookies";
import type { Actor } from "../authz/permissions";
import type { LoadedMembership } from "./memberships";
import { loadSessionUser, type SessionClaims } from "./session-user";

export type CurrentUser = Omit<Actor, "memberships"> & {
  name: string;
  email: string;
  memberships: LoadedMembership[];
};

/**
 * The signed-in user, read fresh from the database (a disabled account or a changed role takes effect at
 * once). A session signed in with an older session version (the user signed out, changed or had their password
 * reset, was disabled or got another role since) is no session. An officer's units include the 課 under each of
 * their 部. An admin of an organisation that requires two-factor sign-in is an admin only in a session signed in
 * with it (lib/auth/session-user.ts).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // most readers are anonymous: without a session cookie there is nothing for next-auth to check
  const jar = await cookies();
  if (!SESSION_COOKIES.some((name) => jar.has(name))) return null;
  const session = (await getServerSession(authOptions)) as SessionClaims | null;
  return session ? loadSessionUser(db(), session) : null;
});

export async function requireUser(returnTo = "/"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
