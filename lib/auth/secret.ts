// The key that signs session cookies. A real installation (DATABASE_URL set) must provide AUTH_SECRET;
// the embedded demo started by `npm start` generates one and keeps it under .data/ (see ops/cli/start.ts).
export function authSecret(): string | undefined {
  return process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
}

/** Whether the session cookie is the https-only __Secure- one. next-auth's options and the sign-in-required proxy
 *  (which reads the cookie itself) must agree, or the proxy finds no session for a signed-in user. */
export const useSecureCookies = process.env.NODE_ENV === "production" && process.env.AUTH_INSECURE_COOKIES !== "1";

export const MISSING_SECRET_MESSAGE =
  "AUTH_SECRET が設定されていません。DATABASE_URL を指定して運用する場合は、十分に長いランダムな文字列を AUTH_SECRET に設定してください（例: openssl rand -base64 32）。\n" +
  "AUTH_SECRET is not set. With DATABASE_URL (a real installation) set AUTH_SECRET to a long random string (e.g. openssl rand -base64 32).";
