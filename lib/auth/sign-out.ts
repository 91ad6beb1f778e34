"use server";
// Signing out without shipping next-auth's client library on every page. The session is a signed cookie: removing
// it ends this browser's session, and bumping the user's session version ends every copy of it, on every device
// (a cookie copied elsewhere stops working too).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIES } from "./session-cookies";
import { getCurrentUser } from "./current-user";
import { db } from "../db";
import { endAllSessions } from "../users/own-account";

export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) {
    try {
      await endAllSessions(db(), user.id);
    } catch (e) {
      console.error("sign-out: the session version could not be bumped", e);
    }
  }
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/");
}
