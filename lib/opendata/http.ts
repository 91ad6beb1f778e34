// The HTTP side of the open-data API, kept pure: Last-Modified / If-Modified-Since, the common headers, JSON
// error bodies. lib/opendata/handlers.ts puts them together with the queries.
import { licenseHeaders } from "./license";

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

const CORS = {
  // published open data may be read by any site's scripts
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "Last-Modified, Link, X-Data-License, Content-Disposition",
};

/** Headers of a successful (or 304) data response: licence, Last-Modified, revalidate every time. */
export function dataHeaders(options: { license: string; lastModified?: Date; contentType?: string; fileName?: string }): Headers {
  const headers = new Headers({ ...CORS, ...licenseHeaders(options.license), "Cache-Control": "no-cache" });
  if (options.lastModified) headers.set("Last-Modified", httpDate(options.lastModified));
  if (options.contentType) headers.set("Content-Type", options.contentType);
  if (options.fileName) headers.set("Content-Disposition", `attachment; filename="${options.fileName.replace(/[^A-Za-z0-9._-]/g, "_")}"`);
  return headers;
}

export const JSON_TYPE = "application/json; charset=utf-8";
export const CSV_TYPE = "text/csv; charset=utf-8; header=present";

/** A JSON error body with a Japanese message; never an exception's text or stack. */
export function errorResponse(status: 404 | 500, message: string): Response {
  return new Response(JSON.stringify({ error: { status, message } }), {
    status,
    headers: { ...CORS, "Content-Type": JSON_TYPE, "Cache-Control": "no-store" },
  });
}
