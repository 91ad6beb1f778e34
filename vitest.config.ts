import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only.ts") } },
  test: {
    projects: [
      {
        extends: true,
        // a workbook is parsed in a worker thread (lib/excel/load-bounded.ts), which takes a few seconds on a busy 2-core machine
        test: { name: "unit", include: ["lib/**/*.test.ts", "ops/**/*.test.ts", "tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/helpers/global-setup.ts"],
          // one real database per file; files run one after another
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
