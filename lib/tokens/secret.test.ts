import { describe, expect, it } from "vitest";
import { generateTokenSecret, hashToken, isTokenShaped, tokenPrefix } from "./secret";
import { tokenState } from "./queries";
import { createTokenSchema } from "./schemas";

describe("token secrets", () => {
  it("are kpi_ + 32 random bytes in base64url, hashed to SHA-256 hex", () => {
    const a = generateTokenSecret();
    expect(a).toMatch(/^kpi_[A-Za-z0-9_-]{43}$/);
    expect(isTokenShaped(a)).toBe(true);
    expect(a).not.toBe(generateTokenSecret());
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenPrefix(a)).toBe(a.slice(0, 12));
    expect(isTokenShaped("kpi_short")).toBe(false);
    expect(isTokenShaped("Bearer x")).toBe(false);
  });
  it("have a state: revoked before expired", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(tokenState({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(tokenState({ revokedAt: now, expiresAt: new Date(0) }, now)).toBe("revoked");
  });
  it("default to 90 days and allow 1–365", () => {
    expect(createTokenSchema.parse({ name: " x " })).toEqual({ name: "x", days: 90 });
    expect(createTokenSchema.parse({ name: "x", days: "" }).days).toBe(90);
    expect(createTokenSchema.parse({ name: "x", days: "365" }).days).toBe(365);
    expect(createTokenSchema.safeParse({ name: "x", days: "366" }).success).toBe(false);
    expect(createTokenSchema.safeParse({ name: "x", days: "0" }).success).toBe(false);
    expect(createTokenSchema.safeParse({ name: "", days: "3" }).success).toBe(false);
  });
});
