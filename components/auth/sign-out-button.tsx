import { signOutAction } from "@/lib/auth/sign-out";

/** A plain form (a server action): works without JavaScript and adds none to the page. */
export function SignOutButton() {
  return (
    <form action={signOutAction} className="inline-form">
      <button type="submit" className="link-button">サインアウト</button>
    </form>
  );
}
