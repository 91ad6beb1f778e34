// Where to go after sign-in: only a path on this site. The value is parsed as a URL against a fixed origin
// (what a browser would do with it), and kept only when it stays on that origin and its result is a plain path
// — never a protocol-relative, backslash, scheme, userinfo or control-character trick that lands elsewhere.
const BASE = "https://kpi-dashboard.invalid";
const FALLBACK = "/work";

export function safeCallbackPath(value: unknown, fallback = FALLBACK): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  // browsers drop tabs and line breaks inside URLs and read "\" as "/": refuse them rather than guess
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // the normalised path must itself be safe ("/.//evil.example" normalises to "//evil.example")
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
