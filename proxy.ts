// Optional "sign-in required for everything" mode (KPI_REQUIRE_SIGN_IN=1): a convenience redirect for
// readers without a session. It is not a permission check: every mutation checks the user on the server.
// It also sends Strict-Transport-Security when the public URL (NEXTAUTH_URL) is https: read at run time, since
// next.config's headers are fixed at build time and one build serves http demos and https installations.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { authSecret, useSecureCookies } from "@/lib/auth/secret";
import { SESSION_COOKIES, UNCACHED_HEADER, VIEW_PARAMETERS } from "@/lib/anonymous-cache/routing";
import { mayBeCached } from "@/lib/anonymous-cache/existence";
import { db } from "@/lib/db";

/** Two years, subdomains included: the Japanese government's web guidelines ask for HTTPS only. */
export const HSTS = "max-age=63072000; includeSubDomains";

export async function proxy(request: NextRequest) {
  const response = malformedPath(request) ?? (await decide(request));
  if (process.env.NEXTAUTH_URL?.startsWith("https://")) response.headers.set("Strict-Transport-Security", HSTS);
  // with several server processes (KPI_WORKERS, lib/server/workers.ts): which one answered, for operators and tests
  if (Number(process.env.KPI_WORKERS) > 1 && process.env.KPI_WORKER_ID) response.headers.set("x-kpi-worker", process.env.KPI_WORKER_ID);
  return response;
}

/** The routes of the token API (lib/api/route.ts), not the public open-data ones beside them. */
const TOKEN_API = /^\/api\/v1\/(me(\/.*)?|organizations\/[^/]+\/plans\/[^/]+\/(measures|evaluation-years)(\/.*)?)$/;

async function decide(request: NextRequest): Promise<NextResponse> {
  if (process.env.KPI_REQUIRE_SIGN_IN !== "1") return cacheOnlyRealPages(request);
  // an invitation's link is how someone new gets an account: it must open before anyone can sign in
  if (request.nextUrl.pathname.startsWith("/invitations/")) return NextResponse.next();
  // the cookie's name as next-auth's options set it (__Secure- in production), not guessed from NEXTAUTH_URL
  const token = await getToken({ req: request, secret: authSecret(), secureCookie: useSecureCookies });
  if (token && (await sessionStillValid(token))) return cacheOnlyRealPages(request);
  // the token API authenticates each request itself (Bearer → 401 problem); the public open data stays behind sign-in
  // (its CORS preflight carries no Authorization header: a browser never sends credentials in one)
  if (TOKEN_API.test(request.nextUrl.pathname) && (request.method === "OPTIONS" || /^Bearer\s/i.test(request.headers.get("authorization") ?? ""))) return NextResponse.next();
  // machines get an answer they can read, people the sign-in page
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { status: 401, message: "サインインが必要です（この設置では公開データにもサインインが必要です）。" } }, { status: 401 });
  }
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

/** A signed cookie is not enough: the session must still be the user's current one (signed out everywhere, password
 *  changed, disabled or role changed since → refused), as getCurrentUser decides for the pages themselves. */
async function sessionStillValid(token: Record<string, unknown>): Promise<boolean> {
  if (typeof token.uid !== "string") return false;
  const user = await db().user.findUnique({ where: { id: token.uid }, select: { sessionVersion: true, disabled: true } });
  return Boolean(user && !user.disabled && user.sessionVersion === (typeof token.sv === "number" ? token.sv : 0));
}

/** A path whose percent-encoding is broken (%E0%A4%A) cannot name anything; Next would answer 500 while
 *  decoding its parameters. It gets a 400 in Japanese here: a problem for the API, a page for people. */
function malformedPath(request: NextRequest): NextResponse | null {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return null;
  } catch {
    const detail = "URL の文字のエンコードが正しくありません。アドレスを確かめてください。";
    if (request.nextUrl.pathname.startsWith("/api/")) {
      return NextResponse.json({ type: "about:blank", title: "リクエストの誤り", status: 400, detail, code: "bad_request" }, { status: 400, headers: { "content-type": "application/problem+json" } });
    }
    const html = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>アドレスが正しくありません | 総合戦略 KPI ダッシュボード</title></head><body><main><h1>アドレスが正しくありません</h1><p>${detail}</p><p><a href="/">トップページへ</a></p></main></body></html>`;
    return new NextResponse(html, { status: 400, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
  }
}

/** An anonymous GET of a page with a cached copy (lib/anonymous-cache/routing.ts) that names nothing real is
 *  answered by the prerendered not-found page (a 404, not stored) instead of by the cache. A client's own copy of
 *  the header is removed, so it cannot steer the cache. */
async function cacheOnlyRealPages(request: NextRequest): Promise<NextResponse> {
  const sent = request.headers.has(UNCACHED_HEADER);
  const anonymousCopy =
    (request.method === "GET" || request.method === "HEAD") &&
    !SESSION_COOKIES.some((c) => request.cookies.has(c)) &&
    !VIEW_PARAMETERS.some((p) => request.nextUrl.searchParams.has(p)) &&
    !request.headers.has("next-action");
  const uncached = anonymousCopy && !(await mayBeCached(request.nextUrl.pathname));
  // a URL that names nothing gets the not-found page prerendered at build time: the same Japanese page in the
  // site's layout, as HTML. A dynamic page's notFound() answers an empty shell that only JavaScript fills
  // (vercel/next.js#62228): blank without JavaScript, and no lang or layout for a crawler or curl.
  if (uncached) return NextResponse.rewrite(new URL("/_not-found", request.url));
  if (!sent) return NextResponse.next();
  const headers = new Headers(request.headers);
  headers.delete(UNCACHED_HEADER);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!api/auth|signin|_next/|favicon.ico).*)"] };
