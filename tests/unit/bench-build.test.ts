// The benchmark's build (bench/build.ts) puts tsconfig.json back after `next build` added its build folder there,
// without undoing anyone else's edit made meanwhile.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BENCH_DIST, undoTsconfigChange } from "../../bench/build";

const BEFORE = `{
  "compilerOptions": { "strict": true },
  "include": ["next-env.d.ts", "**/*.ts", ".next/types/**/*.ts"]
}
`;
// what next build writes: the same settings reformatted, plus its build folder's type folders
const afterBuild = (extra: string[] = []) =>
  JSON.stringify({ compilerOptions: { strict: true }, include: ["next-env.d.ts", "**/*.ts", ".next/types/**/*.ts", ...extra, `${BENCH_DIST}/types/**/*.ts`, `${BENCH_DIST}/dev/types/**/*.ts`] }, null, 2);

function file(content: string): string {
  const f = path.join(mkdtempSync(path.join(tmpdir(), "h6-tsconfig-")), "tsconfig.json");
  writeFileSync(f, content);
  return f;
}

describe("undoTsconfigChange", () => {
  it("restores the file exactly (formatting included) when only the build folder was added", () => {
    const f = file(afterBuild());
    undoTsconfigChange(f, BEFORE);
    expect(readFileSync(f, "utf8")).toBe(BEFORE);
  });

  it("removes only the build folder's entries when someone else changed the file meanwhile", () => {
    const f = file(afterBuild([".next-lead/types/**/*.ts"]));
    undoTsconfigChange(f, BEFORE);
    expect(JSON.parse(readFileSync(f, "utf8")).include).toEqual(["next-env.d.ts", "**/*.ts", ".next/types/**/*.ts", ".next-lead/types/**/*.ts"]);
  });

  it("leaves a file alone that the build did not touch", () => {
    const other = BEFORE.replace("true", "false");
    const f = file(other);
    undoTsconfigChange(f, BEFORE);
    expect(readFileSync(f, "utf8")).toBe(other);
  });
});
