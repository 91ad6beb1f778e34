import { describe, expect, it } from "vitest";
import { TOTP, URI } from "otpauth";
import {
  classifyCode,
  decryptSecret,
  encryptSecret,
  generateRecoveryCodes,
  groupSecret,
  hashRecoveryCode,
  matchTotp,
  newTotpSecret,
  normalizeRecoveryCode,
  otpauthUri,
  stepAt,
  totpCodeAt,
} from "./two-factor";

const KEY = "a-long-random-auth-secret-for-tests-0123456789";
// RFC 6238 appendix B: the SHA-1 test secret "12345678901234567890" in base32
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("the TOTP secret at rest", () => {
  it("round-trips, differs on every encryption and never contains the secret", () => {
    const secret = newTotpSecret();
    const a = encryptSecret(secret, KEY);
    const b = encryptSecret(secret, KEY);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(decryptSecret(a, KEY)).toBe(secret);
    expect(decryptSecret(b, KEY)).toBe(secret);
  });

  it("fails with another key (AUTH_SECRET changed) or an altered value", () => {
    const stored = encryptSecret(newTotpSecret(), KEY);
    expect(decryptSecret(stored, `${KEY}x`)).toBeNull();
    const [v, iv, tag, body] = stored.split(".");
    const flipped = body.slice(0, -2) + (body.at(-2) === "A" ? "B" : "A") + body.at(-1);
    expect(decryptSecret([v, iv, tag, flipped].join("."), KEY)).toBeNull();
    expect(decryptSecret("plain-secret", KEY)).toBeNull();
    expect(decryptSecret(`${stored}.x`, KEY)).toBeNull();
  });
});

describe("TOTP codes", () => {
  it("match RFC 6238's SHA-1 test vectors (6 digits)", () => {
    expect(totpCodeAt(RFC_SECRET, new Date(59_000))).toBe("287082");
    expect(totpCodeAt(RFC_SECRET, new Date(1_111_111_109_000))).toBe("081804");
    expect(totpCodeAt(RFC_SECRET, new Date(2_000_000_000_000))).toBe("279037");
  });

  it("accepts the current step and one step either side, nothing further", () => {
    const now = new Date("2026-12-06T09:00:10Z");
    const step = stepAt(now);
    const at = (s: number) => totpCodeAt(RFC_SECRET, new Date(s * 30_000 + 1000));
    expect(matchTotp(RFC_SECRET, at(step), now, null)).toBe(step);
    expect(matchTotp(RFC_SECRET, at(step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, at(step + 1), now, null)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, at(step - 2), now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, at(step + 2), now, null)).toBeNull();
  });

  it("refuses a code whose step is not later than the last one accepted (replay)", () => {
    const now = new Date("2026-12-06T09:00:10Z");
    const step = stepAt(now);
    const code = totpCodeAt(RFC_SECRET, now);
    expect(matchTotp(RFC_SECRET, code, now, step - 1)).toBe(step);
    expect(matchTotp(RFC_SECRET, code, now, step)).toBeNull();
    // an older code still inside the window is refused once a newer one was used
    expect(matchTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, new Date(now.getTime() - 30_000)), now, step)).toBeNull();
  });

  it("reads spaces and full-width digits, refuses other shapes", () => {
    const now = new Date("2026-12-06T09:00:10Z");
    const code = totpCodeAt(RFC_SECRET, now);
    const wide = [...code].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join("");
    expect(matchTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).not.toBeNull();
    expect(matchTotp(RFC_SECRET, wide, now, null)).not.toBeNull();
    for (const bad of ["", "12345", "1234567", "abcdef", `${code}0`]) expect(matchTotp(RFC_SECRET, bad, now, null)).toBeNull();
  });

  it("gives an otpauth URI that an app reads back: issuer, the e-mail as label, SHA-1, 6 digits, 30 s", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const parsed = URI.parse(otpauthUri(secret, "kikaku@example.lg.jp")) as TOTP;
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.issuer).toBe("総合戦略KPI");
    expect(parsed.label).toBe("kikaku@example.lg.jp");
    expect([parsed.algorithm, parsed.digits, parsed.period, parsed.secret.base32]).toEqual(["SHA1", 6, 30, secret]);
    expect(groupSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});

describe("recovery codes", () => {
  it("are ten distinct random codes of the shape xxxxx-xxxxx", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    expect(generateRecoveryCodes()).not.toEqual(codes);
  });

  it("are read as typed (case, spaces, missing hyphen, O for 0, I or L for 1) and hashed per user", () => {
    expect(normalizeRecoveryCode("AB0C1-DEF23")).toBe("ab0c1def23");
    expect(normalizeRecoveryCode(" abOcI defL3 ")).toBe("ab0c1def13");
    expect(normalizeRecoveryCode("ab0c1-def2")).toBeNull();
    expect(normalizeRecoveryCode("ab0c1-def2u")).toBeNull();
    const h = hashRecoveryCode("user-1", "ab0c1def23");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode("user-2", "ab0c1def23")).not.toBe(h);
    expect(hashRecoveryCode("user-1", "ab0c1def23")).toBe(h);
  });

  it("are told apart from TOTP codes", () => {
    expect(classifyCode("123 456")).toEqual({ kind: "totp", code: "123456" });
    expect(classifyCode("k7m2q-9xt4e")).toEqual({ kind: "recovery", canonical: "k7m2q9xt4e" });
    expect(classifyCode("12345-67890")).toEqual({ kind: "recovery", canonical: "1234567890" });
    expect(classifyCode("nope")).toBeNull();
  });
});
