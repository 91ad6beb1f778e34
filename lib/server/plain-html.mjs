// The signed-out readers' copies of the public pages (lib/anonymous-cache) are stored as plain HTML: without
// Next.js's client runtime (the router, React DOM and the page's RSC payload: ~140 kB of gzip'd script that a
// phone must parse and run before the page responds, and which a page that only shows published figures does not
// need). Every link is an <a href>, every filter a GET form and every chart an SVG drawn on the server, so the
// page works the same without its scripts; a reader's next page is an ordinary navigation.
//
// Only Next's own scripts go: inline scripts without a type (the RSC payload, the bootstrap), scripts loaded
// from /_next/, and their preload links. A data block (type="application/ld+json") stays, and so does a small
// script written for such a copy, marked data-without-runtime (components/overview/follow-department-script.ts). A page whose HTML
// still needs a script to show its content (a Suspense boundary streamed out of order: <template> / hidden
// segments moved by $RC) is left as it is.
//
// A plain .mjs file: the cache handler (lib/server/cache-handler.mjs) imports it at run time.

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/gi;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bas="script"|[^>]*\brel="modulepreload")[^>]*\/?>/gi;
const STREAMED_SEGMENT = /<template\b|<div hidden id="S:|\$RC\(/;

function isNextScript(attributes) {
  if (/(?:^|\s)data-without-runtime(?:=|\s|$)/i.test(attributes)) return false;
  const type = /(?:^|\s)type="([^"]*)"/i.exec(attributes)?.[1];
  if (type && type !== "module" && type !== "text/javascript") return false; // a data block
  const src = /(?:^|\s)src="([^"]*)"/i.exec(attributes)?.[1];
  return src === undefined || src.startsWith("/_next/");
}

/** The page's HTML without Next's client runtime, or null when the page needs its scripts to show its content. */
export function withoutClientRuntime(html) {
  if (STREAMED_SEGMENT.test(html)) return null;
  return html.replace(SCRIPT, (tag, attributes) => (isNextScript(attributes) ? "" : tag)).replace(SCRIPT_PRELOAD, "");
}
