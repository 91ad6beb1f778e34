// The HTTP side of the open-data API, kept pure: validators (ETag, Last-Modified) and conditional requests,
// CORS (preflight included), the licence headers, JSON error bodies. lib/opendata/handlers.ts puts them together with the queries.
import { createHash } from "node:crypto";
import { DEFAULT_LICENSE, licenseHeaders } from "./license";

/** HTTP dates have whole seconds: a change at 12:00:00.700 is "12:00:00". */
export function httpDate(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toUTCString();
}

/** True when the client's copy (If-Modified-Since) is as new as the data; an unreadable date is ignored. */
export function isNotModified(ifModifiedSince: string | null, lastModified: Date): boolean {
  if (!ifModifiedSince) return false;
  const since = Date.parse(ifModifiedSince);
  if (Number.isNaN(since)) return false;
  return Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/** The latest of some timestamps (nulls ignored); the epoch when there is none. */
export function latest(...dates: (Date | null | undefined)[]): Date {
  return new Date(Math.max(0, ...dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime())));
}

/** A weak validator from what determines the body (the data's last change, the format, the code's revision). */
export function etagOf(...parts: (string | number | Date | null | undefined)[]): string {
  const key = parts.map((p) => (p instanceof Date ? p.getTime() : String(p ?? ""))).join("\u0000");
  return `W/"${createHash("sha256").update(key).digest("base64url").slice(0, 27)}"`;
}

/** A strong-enough validator of a body already built (the index, the catalogue, the schemas). */
export function etagOfBody(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/**
 * RFC 9110 §13.2.2: If-None-Match decides when present (weak comparison, "*" matches); otherwise
 * If-Modified-Since. Either says "not modified" → 304.
 */
export function isNotModifiedRequest(request: Request, etag: string, lastModified: Date | null): boolean {
  const inm = request.headers.get("if-none-match");
  if (inm !== null) {
    const opaque = (t: string) => t.trim().replace(/^W\//, "");
    return inm.split(",").some((t) => t.trim() === "*" || opaque(t) === opaque(etag));
  }
  return lastModified !== null && isNotModified(request.headers.get("if-modified-since"), lastModified);
}

// published open data may be read by any site's scripts, conditional requests included: If-None-Match is not a
// CORS-safelisted request header, so a browser sends a preflight first (answered by preflightResponse)
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Link, X-Data-License, Content-Disposition, Content-Length",
};

/** OPTIONS: the CORS preflight of the public API (GET and HEAD from any origin, with conditional headers). */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Type, If-None-Match, If-Modified-Since, Cache-Control",
      "Access-Control-Max-Age": "86400",
      Allow: "GET, HEAD, OPTIONS",
      Vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
    },
  });
}

/** Headers of a successful (or 304) data response: licence, validators, revalidate every time. */
export function dataHeaders(options: { license: string; lastModified?: Date; etag?: string; contentType?: string; fileName?: string }): Headers {
  const headers = new Headers({ ...CORS, ...licenseHeaders(options.license), "Cache-Control": "no-cache", Vary: "Accept-Encoding" });
  if (options.lastModified) headers.set("Last-Modified", httpDate(options.lastModified));
  if (options.etag) headers.set("ETag", options.etag);
  if (options.contentType) headers.set("Content-Type", options.contentType);
  if (options.fileName) headers.set("Content-Disposition", `attachment; filename="${options.fileName.replace(/[^A-Za-z0-9._-]/g, "_")}"`);
  return headers;
}

export const JSON_TYPE = "application/json; charset=utf-8";
export const JSON_LD_TYPE = "application/ld+json; charset=utf-8";
export const CSV_TYPE = "text/csv; charset=utf-8; header=present";

/**
 * A data response: 304 (no body) when the client's copy is current, else the body. Not compressed here: Next 16
 * drops a Content-Encoding that a route handler sets (the body would arrive compressed but unlabelled), and its own
 * compression skips route handlers, so the reverse proxy in front compresses (README). HEAD gets the headers only.
 */
export function sendData(request: Request, body: string | Uint8Array, options: { license: string; lastModified: Date | null; etag: string; contentType: string; fileName?: string }): Response {
  const headers = dataHeaders({ ...options, lastModified: options.lastModified ?? undefined });
  if (isNotModifiedRequest(request, options.etag, options.lastModified)) {
    headers.delete("Content-Type");
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === "HEAD" ? null : (body as BodyInit), { headers });
}

/** A JSON document that is not one organisation's data (the index, the catalogue, the schemas): its ETag from
 *  the body, the licence of the data it describes (the default one), CORS. */
export function sendDocument(request: Request, document: unknown, options: { lastModified: Date | null; contentType?: string }): Response {
  const body = JSON.stringify(document);
  return sendData(request, body, { license: DEFAULT_LICENSE, lastModified: options.lastModified, etag: etagOfBody(body), contentType: options.contentType ?? JSON_TYPE });
}

/** A JSON error body with a Japanese message; never an exception's text or stack. */
export function errorResponse(status: 404 | 500, message: string): Response {
  return new Response(JSON.stringify({ error: { status, message } }), {
    status,
    headers: { ...CORS, ...licenseHeaders(DEFAULT_LICENSE), "Content-Type": JSON_TYPE, "Cache-Control": "no-store" },
  });
}
