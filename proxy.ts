// Optional "sign-in required for everything" mode (KPI_REQUIRE_SIGN_IN=1): a convenience redirect for
// readers without a session. It is not a permission check: every mutation checks the user on the server.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

export async function proxy(request: NextRequest) {
  if (process.env.KPI_REQUIRE_SIGN_IN !== "1") return NextResponse.next();
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
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
