import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { LANDING_ROUTE } from "@/lib/auth/landing";

export const metadata: Metadata = { title: "サインイン" };
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const sp = await searchParams;
  const ssoName = process.env.AUTH_OIDC_ISSUER ? (process.env.AUTH_OIDC_NAME ?? "組織のアカウント") : null;
  return (
    <>
      <h1>サインイン</h1>
      <p>職員・評価委員の方は、配布されたアカウントでサインインしてください。公開されている情報はサインインせずに閲覧できます。</p>
      {/* a page asked for (and safe) wins; otherwise everyone lands where their work is */}
      <SignInForm callbackUrl={safeCallbackPath(sp.callbackUrl, LANDING_ROUTE)} ssoName={ssoName} />
    </>
  );
}
