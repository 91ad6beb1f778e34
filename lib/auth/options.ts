// next-auth configuration: built-in accounts (Credentials, argon2 hashes) and, when configured by
// environment variables, an organisation's OpenID Connect single sign-on. Sessions are signed JWT cookies
// (httpOnly, sameSite=lax, secure in production); roles are read from the database on every request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers/index";
import { db } from "../db";
import { checkSignIn } from "./sign-in";
import { clientAddress } from "./client-address";
import { authSecret, useSecureCookies } from "./secret";

function oidcProvider(): Provider[] {
  const issuer = process.env.AUTH_OIDC_ISSUER;
  if (!issuer || !process.env.AUTH_OIDC_CLIENT_ID || !process.env.AUTH_OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: process.env.AUTH_OIDC_NAME ?? "組織のアカウント",
      type: "oauth",
      wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: process.env.AUTH_OIDC_CLIENT_ID,
      clientSecret: process.env.AUTH_OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (p: { sub: string; email?: string; name?: string }) => ({ id: p.sub, email: p.email ?? null, name: p.name ?? p.email ?? p.sub }),
    },
  ];
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  useSecureCookies,
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "アカウント",
      // code: the second factor (a TOTP code or a recovery code) when the account has two-factor sign-in on
      credentials: { email: { label: "メールアドレス", type: "email" }, password: { label: "パスワード", type: "password" }, code: { label: "確認コード", type: "text" } },
      async authorize(credentials, req) {
        const source = clientAddress(req?.headers ?? {});
        const result = await checkSignIn(db(), String(credentials?.email ?? ""), String(credentials?.password ?? ""), source, undefined, String(credentials?.code ?? ""));
        if (!result.ok) throw new Error(result.message);
        return result.user;
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    // SSO users must already have an account (by e-mail) created by an administrator
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      if (!user.email) return false;
      const existing = await db().user.findUnique({ where: { email: user.email.toLowerCase() } });
      return Boolean(existing && !existing.disabled);
    },
    async jwt({ token, user, account }) {
      if (user) {
        // the session remembers the user's session version at sign-in (see getCurrentUser)
        if (account?.provider === "oidc" && user.email) {
          const existing = await db().user.findUnique({ where: { email: user.email.toLowerCase() }, select: { id: true, sessionVersion: true } });
          token.uid = existing?.id;
          token.sv = existing?.sessionVersion ?? 0;
          // the identity provider does its own checks (its multi-factor included): see lib/auth/session-user.ts
          token.sso = true;
        } else {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          // signed in with the password and a second factor (needed where admins must use two-factor sign-in)
          token.mfa = (user as { mfa?: boolean }).mfa === true;
        }
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid as string | undefined, sv: token.sv as number | undefined, mfa: token.mfa === true, sso: token.sso === true };
    },
  },
};
