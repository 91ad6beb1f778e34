import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "サインイン" };
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeCallback(value: unknown): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/work";
}

export default async function SignInPage({ searchParams }: Props) {
  const sp = await searchParams;
  const ssoName = process.env.AUTH_OIDC_ISSUER ? (process.env.AUTH_OIDC_NAME ?? "組織のアカウント") : null;
  return (
    <>
      <h1>サインイン</h1>
      <p>職員・評価委員の方は、配布されたアカウントでサインインしてください。公開されている情報はサインインせずに閲覧できます。</p>
      <SignInForm callbackUrl={safeCallback(sp.callbackUrl)} ssoName={ssoName} />
    </>
  );
}
