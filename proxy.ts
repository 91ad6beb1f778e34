// Optional "sign-in required for everything" mode (KPI_REQUIRE_SIGN_IN=1): a convenience redirect for
// readers without a session. It is not a permission check: every mutation checks the user on the server.
// It also sends Strict-Transport-Security when the public URL (NEXTAUTH_URL) is https: read at run time, since
// next.config's headers are fixed at build time and one build serves http demos and https installations.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { authSecret, useSecureCookies } from "@/lib/auth/secret";

/** Two years, subdomains included: the Japanese government's web guidelines ask for HTTPS only. */
export const HSTS = "max-age=63072000; includeSubDomains";

export async function proxy(request: NextRequest) {
  const response = await decide(request);
  if (process.env.NEXTAUTH_URL?.startsWith("https://")) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

/** The routes of the token API (lib/api/route.ts), not the public open-data ones beside them. */
const TOKEN_API = /^\/api\/v1\/(me(\/.*)?|organizations\/[^/]+\/plans\/[^/]+\/(measures|evaluation-years)(\/.*)?)$/;

async function decide(request: NextRequest): Promise<NextResponse> {
  if (process.env.KPI_REQUIRE_SIGN_IN !== "1") return NextResponse.next();
  // the cookie's name as next-auth's options set it (__Secure- in production), not guessed from NEXTAUTH_URL
  const token = await getToken({ req: request, secret: authSecret(), secureCookie: useSecureCookies });
  if (token) return NextResponse.next();
  // the token API authenticates each request itself (Bearer → 401 problem); the public open data stays behind sign-in
  if (TOKEN_API.test(request.nextUrl.pathname) && /^Bearer\s/i.test(request.headers.get("authorization") ?? "")) return NextResponse.next();
  // machines get an answer they can read, people the sign-in page
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { status: 401, message: "サインインが必要です（この設置では公開データにもサインインが必要です）。" } }, { status: 401 });
  }
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!api/auth|signin|_next/|favicon.ico).*)"] };
