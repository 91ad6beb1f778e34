import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { anonymousCacheRewrites, SESSION_COOKIES } from "./routing";

const rules = anonymousCacheRewrites();
const pageFile = (destination: string) =>
  path.join("app", ...destination.split("/").filter(Boolean).map((s) => (s.startsWith(":") ? `[${s.slice(1)}]` : s)), "page.tsx");

describe("the anonymous readers' cached copies", () => {
  it("exist as pages for every rewritten URL", () => {
    expect(rules.map((r) => r.source)).toEqual(["/", "/orgs/:code/plans/:slug", "/orgs/:code/plans/:slug/measures/:no", "/orgs/:code/units/:unitId", "/opendata"]);
    for (const r of rules) expect(existsSync(pageFile(r.destination.replace(/\/default$/, "/:view"))), r.destination).toBe(true);
  });

  it("are never served to a request with a session, a server action, or a parameter that changes the view", () => {
    for (const r of rules) {
      const missing = r.missing ?? [];
      for (const cookie of SESSION_COOKIES) expect(missing).toContainEqual({ type: "cookie", key: cookie });
      const viewParameters = r.source === "/opendata" ? ["q", "page"] : ["year", "section", "department", "division", "status", "q", "sort", "dir"];
      for (const key of viewParameters) expect(missing).toContainEqual({ type: "query", key });
      expect(missing).toContainEqual({ type: "header", key: "next-action" });
      expect(r.has).toBeUndefined();
    }
  });

  it("cover both of next-auth's cookie names (http and https)", () => {
    expect(SESSION_COOKIES).toEqual(expect.arrayContaining(["next-auth.session-token", "__Secure-next-auth.session-token"]));
  });
});
