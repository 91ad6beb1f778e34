// First-load JavaScript of an App Router route, read from the production build (.next): the framework's root
// chunks (the route's build-manifest rootMainFiles) plus the client chunks of the route's layouts and page
// (entryJSFiles of its client reference manifest), each gzipped (level 9) and summed. Polyfills (nomodule,
// skipped by current browsers) and the global-error boundary (loaded only on an error) are not counted.
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

export type FirstLoadJs = { route: string; files: { file: string; bytes: number; gzipBytes: number }[]; bytes: number; gzipBytes: number; polyfills: string[] };

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

/** `route` as in app-path-routes-manifest, e.g. "/orgs/[code]/plans/[slug]/measures/[no]". */
export function firstLoadJs(route: string, nextDir = ".next"): FirstLoadJs {
  const routeDir = path.join(nextDir, "server", "app", ...route.split("/").filter(Boolean));
  const buildManifest = JSON.parse(readFileSync(path.join(routeDir, "page", "build-manifest.json"), "utf8")) as { rootMainFiles: string[]; polyfillFiles?: string[] };
  // the client reference manifest is a script that assigns globalThis.__RSC_MANIFEST[<route>/page]
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
  vm.runInNewContext(readFileSync(path.join(routeDir, "page_client-reference-manifest.js"), "utf8"), { globalThis: sandbox });
  const manifest = sandbox.__RSC_MANIFEST?.[`${route === "/" ? "" : route}/page`];
  if (!manifest?.entryJSFiles) throw new Error(`no client reference manifest for ${route} in ${nextDir}`);
  const entryFiles = Object.entries(manifest.entryJSFiles)
    .filter(([entry]) => entry.startsWith("[project]/app/"))
    .flatMap(([, files]) => files);
  const unique = [...new Set([...buildManifest.rootMainFiles, ...entryFiles])].filter((f) => f.endsWith(".js"));
  const files = unique.map((file) => {
    const content = readFileSync(path.join(nextDir, file.replace(/^\/?_next\//, "")));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return { route, files, bytes: sum(files.map((f) => f.bytes)), gzipBytes: sum(files.map((f) => f.gzipBytes)), polyfills: buildManifest.polyfillFiles ?? [] };
}

/** The script chunks an HTML page actually references (a cross-check of the manifest reading). */
export function scriptsInHtml(html: string): string[] {
  return [...new Set([...html.matchAll(/<script[^>]*\ssrc="\/_next\/(static\/[^"]+\.js)"/g)].map((m) => m[1]))];
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
