import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "../db";
import { authSecret, useSecureCookies } from "./secret";
import { SESSION_COOKIES } from "./session-cookies";
import type { Actor } from "../authz/permissions";
import type { LoadedMembership } from "./memberships";
import { loadSessionUser, type SessionClaims } from "./session-user";

export type CurrentUser = Omit<Actor, "memberships"> & {
  name: string;
  email: string;
  memberships: LoadedMembership[];
  /** the header's count of unread notifications, read with the user */
  unreadNotifications: number;
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
  // next-auth's own reading of its session cookie (chunks joined, decrypted with the secret, expiry checked), without
  // getServerSession: that one also runs the whole session endpoint, re-encrypting a refreshed cookie that a page
  // cannot set, which was a tenth of the CPU of a signed-in page. The claims are those the session callback of
  // ./options.ts copies; no Authorization header is read (the empty headers): a page is signed in by its cookie only.
  const token = await getToken({
    req: { cookies: jar, headers: new Headers() } as unknown as NextRequest,
    secret: authSecret(),
    secureCookie: useSecureCookies,
  });
  if (!token) return null;
  const session: SessionClaims = { uid: typeof token.uid === "string" ? token.uid : undefined, sv: typeof token.sv === "number" ? token.sv : undefined, mfa: token.mfa === true, sso: token.sso === true };
  return loadSessionUser(db(), session);
});

export async function requireUser(returnTo = "/"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
