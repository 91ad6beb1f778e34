"use server";
// Signing out without shipping next-auth's client library on every page: the session is a signed cookie,
// so removing it (every name it may be stored under) ends the session.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIES } from "./session-cookies";

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/");
}
