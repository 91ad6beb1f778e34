"use server";
// Signing out without shipping next-auth's client library on every page: the session is a signed cookie,
// so removing it (both the secure and the plain name) ends the session.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  for (const name of ["__Secure-next-auth.session-token", "next-auth.session-token"]) jar.delete(name);
  redirect("/");
}
