// As root the embedded PostgreSQL runs as `postgres`: a folder it cannot pass through is found before initdb
// would die with EACCES, so the user gets a message instead of a stack trace.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { firstClosedFolder } from "./embedded";

const root = mkdtempSync(path.join(tmpdir(), "kpi-access-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("firstClosedFolder", () => {
  it("names the private folder on the way, for a user who neither owns it nor is in its group", () => {
    chmodSync(root, 0o755);
    const privateDir = path.join(root, "private");
    mkdirSync(path.join(privateDir, "project", "node_modules"), { recursive: true });
    chmodSync(privateDir, 0o700);
    const stranger = { uid: 987654, gid: 987654 };
    expect(firstClosedFolder(path.join(privateDir, "project", "node_modules"), stranger)).toEqual({ folder: privateDir, mode: "700" });
    expect(firstClosedFolder(path.join(privateDir, "project"), null)).toEqual({ folder: privateDir, mode: "700" });
    // passing through is enough: o+x without read
    chmodSync(privateDir, 0o711);
    expect(firstClosedFolder(path.join(privateDir, "project", "node_modules"), stranger)).toBeNull();
  });

  it("accepts a folder that does not exist yet (it is created for the server)", () => {
    chmodSync(root, 0o755);
    expect(firstClosedFolder(path.join(root, "not-yet", "pg"), { uid: 987654, gid: 987654 })).toBeNull();
  });
});
