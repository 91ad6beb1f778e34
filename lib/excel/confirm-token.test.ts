import { describe, expect, it } from "vitest";
import { signImportToken, TOKEN_LIFETIME_MS, verifyImportToken } from "./confirm-token";

const SECRET = "test-secret-0123456789";
const input = {
  userId: "u1",
  organizationCode: "430005",
  planSlug: "kumamoto-2020",
  evaluationYear: 2023,
  changes: [
    { kind: "value" as const, measureId: "m15", sheet: "指標", row: 12, version: 2, stale: false, seriesId: "s15", before: { value: null, text: "集計中" }, after: { value: "36123", text: "36,123" } },
    { kind: "narrative" as const, measureId: "m15", sheet: "記述", row: 40, version: 2, stale: true, field: "issues" as const, before: "人手不足", after: null },
  ],
};

describe("the signed confirmation token", () => {
  it("round-trips the changes it was given", () => {
    const token = signImportToken(input, SECRET, 1000);
    const verified = verifyImportToken(token, SECRET, 2000);
    expect(verified).toEqual({ ok: true, payload: { v: 2, ...input, expiresAt: 1000 + TOKEN_LIFETIME_MS } });
  });

  it("refuses a token changed in the browser, signed with another key, or malformed", () => {
    const token = signImportToken(input, SECRET, 1000);
    const [body, mac] = token.split(".");
    const forged = Buffer.from(Buffer.from(body, "base64url").toString("utf8").replace("36123", "99999"), "utf8").toString("base64url");
    expect(verifyImportToken(`${forged}.${mac}`, SECRET, 2000)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyImportToken(token, "another-secret", 2000)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyImportToken("garbage", SECRET, 2000)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyImportToken(`${token}.x`, SECRET, 2000)).toEqual({ ok: false, reason: "invalid" });
  });

  it("expires", () => {
    const token = signImportToken(input, SECRET, 1000);
    expect(verifyImportToken(token, SECRET, 1000 + TOKEN_LIFETIME_MS + 1)).toEqual({ ok: false, reason: "expired" });
  });
});
