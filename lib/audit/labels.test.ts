// Every action code written to the audit log anywhere in the product has a Japanese phrase: the code is read
// from the source (each writeAudit call's and auditLog.create's `action:`), so a new code without a phrase
// fails here before a raw code can reach /admin.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, actionLabel } from "./labels";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules" || name.startsWith(".")) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The text of the call's argument list starting at `open` (the index of its "("), brackets balanced. */
function callArguments(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "{" || c === "[") depth++;
    else if (c === ")" || c === "}" || c === "]") {
      depth--;
      if (depth === 0) return text.slice(open, i + 1);
    }
  }
  return text.slice(open);
}

/** The expression after `action:` up to the next comma or closing brace at its own level. */
function actionExpression(args: string): string | null {
  const at = args.search(/\baction:\s/);
  if (at < 0) return null;
  let depth = 0;
  let i = at + "action:".length;
  for (; i < args.length; i++) {
    const c = args[i];
    if (c === "(" || c === "{" || c === "[") depth++;
    else if (c === ")" || c === "}" || c === "]") {
      if (depth === 0) break;
      depth--;
    } else if (c === "," && depth === 0) break;
  }
  return args.slice(at + "action:".length, i);
}

function writtenActionCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const file of [...sourceFiles(path.join(ROOT, "lib")), ...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "ops"))]) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\b(writeAudit|auditLog\.create(?:Many)?)\s*\(/g)) {
      if (file.endsWith(path.join("lib", "audit", "log.ts"))) continue; // the writer itself passes e.action through
      const expression = actionExpression(callArguments(text, m.index + m[0].length - 1));
      if (!expression) throw new Error(`an audit write without an action in ${path.relative(ROOT, file)}`);
      const literals = [...expression.matchAll(/["'`]([A-Za-z]+\.[A-Za-z.]+)["'`]/g)].map((l) => l[1]);
      if (literals.length === 0) throw new Error(`an audit action that is not a literal in ${path.relative(ROOT, file)}: ${expression.trim()}`);
      for (const code of literals) codes.set(code, path.relative(ROOT, file));
    }
  }
  return codes;
}

describe("audit action labels", () => {
  const codes = writtenActionCodes();

  it("finds the codes the product writes (the scan itself works)", () => {
    for (const known of ["sheet.submit", "sheet.approve", "sheet.return", "evaluation.open", "measure.update", "user.createAdmin", "comment.unpublish"]) {
      expect(codes.has(known), known).toBe(true);
    }
    expect(codes.size).toBeGreaterThanOrEqual(40);
  });

  it("every code written anywhere has a Japanese phrase", () => {
    const missing = [...codes].filter(([code]) => !(code in AUDIT_ACTION_LABELS)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it("no phrase is a code, and an unknown code is never shown raw", () => {
    for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label).not.toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(actionLabel("something.new")).toBe("その他の操作");
  });
});
