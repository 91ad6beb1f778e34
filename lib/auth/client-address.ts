// The address a request comes from, for sign-in throttling. X-Forwarded-For is written by whoever sends the
// request, so it is believed only as far as it was appended by a proxy named in TRUSTED_PROXIES
// (comma-separated addresses of the organisation's reverse proxies / load balancers).
// The peer of the TCP connection is stamped on every request by lib/server/peer-address.ts (a header that a
// client cannot set: any copy it sends is removed first).
export const PEER_HEADER = "x-kpi-peer-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(h: HeaderSource, name: string): string | undefined {
  if (typeof (h as Headers).get === "function") return (h as Headers).get(name) ?? undefined;
  const v = (h as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/** ::ffff:192.0.2.1 and 192.0.2.1 are one address. */
export function normaliseAddress(a: string): string {
  const t = a.trim().replace(/^\[|\]$/g, "").toLowerCase();
  return t.startsWith("::ffff:") && t.includes(".") ? t.slice(7) : t;
}

export function parseTrustedProxies(value: string | undefined): Set<string> {
  return new Set((value ?? "").split(",").map((s) => s.trim()).filter(Boolean).map(normaliseAddress));
}

export function clientAddress(headers: HeaderSource, trusted: Set<string> = parseTrustedProxies(process.env.TRUSTED_PROXIES)): string {
  const peerRaw = header(headers, PEER_HEADER);
  const peer = peerRaw ? normaliseAddress(peerRaw) : null;
  const chain = (header(headers, "x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean).map(normaliseAddress);
  if (peer && !trusted.has(peer)) return peer; // a direct client: whatever X-Forwarded-For it sent is its own claim
  // from the right: the entries our trusted proxies appended, up to the first address they saw connecting
  for (let i = chain.length - 1; i >= 0; i--) if (!trusted.has(chain[i])) return chain[i];
  return peer ?? chain[0] ?? "unknown";
}
