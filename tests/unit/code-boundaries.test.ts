// The code map's one-way rule (README「コードの地図」): the product (app/, components/, lib/ and the root files Next
// loads) never imports ops/ (command-line tools, migrations runner, embedded database) or bench/; ops/ and bench/
// may import lib/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PRODUCT_DIRS = ["app", "components", "lib"];
const PRODUCT_FILES = ["proxy.ts", "instrumentation.ts", "next.config.ts"];
const OUTSIDE = ["ops", "bench"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|mjs|js)$/.test(e.name) ? [full] : [];
  });
}

/** Every module specifier of a source text: static imports and re-exports, side-effect imports, import(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const re of [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g, /\brequire\(\s*["']([^"']+)["']\s*\)/g])
    for (const m of source.matchAll(re)) found.push(m[1]);
  return found;
}

/** The repository folder a specifier of `file` points into (relative or "@/…"), or null for a package. */
function topFolder(file: string, spec: string): string | null {
  const target = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : null;
  return target ? path.relative(ROOT, target).split(path.sep)[0] : null;
}

function violations(file: string, source: string): string[] {
  return specifiers(source).filter((s) => OUTSIDE.includes(topFolder(file, s) ?? "")).map((s) => `${path.relative(ROOT, file)} imports ${s}`);
}

describe("product code does not import ops/ or bench/", () => {
  const files = [...PRODUCT_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d))), ...PRODUCT_FILES.map((f) => path.join(ROOT, f))];

  it("the checker sees imports and flags one into ops/ (relative, @/ and dynamic)", () => {
    const libFile = path.join(ROOT, "lib", "jobs", "queue.ts");
    expect(specifiers(readFileSync(libFile, "utf8"))).toContain("../database-url");
    expect(violations(libFile, 'import { x } from "../../ops/database/embedded";')).toHaveLength(1);
    expect(violations(libFile, 'const m = await import("@/ops/cli/start");')).toHaveLength(1);
    expect(violations(libFile, 'export { GET } from "../../bench/ceiling-route";')).toHaveLength(1);
    expect(violations(libFile, 'import { db } from "../db";')).toHaveLength(0);
  });

  it(`none of the ${PRODUCT_DIRS.join("/, ")}/ and root files does`, () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((f) => violations(f, readFileSync(f, "utf8")))).toEqual([]);
  });
});
