// Prisma CLI configuration (prisma generate). Migrations are run by ops/migrations (Prisma's schema engine
// in WebAssembly), because the native engine cannot be downloaded everywhere; see README.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
