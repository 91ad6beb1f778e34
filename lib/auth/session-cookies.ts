// The cookies next-auth keeps a session in: the plain and the https (__Secure-) name, and the first chunk of a
// large session (.0; ours is never that large). One list for the sign-out action, the "no cookie, no session"
// short-cut of getCurrentUser and the anonymous readers' cache rules — if they disagreed, a signed-in user could
// be served the public copy of a page. No "server-only": next.config.ts reads it too.
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"].flatMap((name) => [name, `${name}.0`]);
