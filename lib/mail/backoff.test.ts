import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextAttemptAfter, safeError } from "./backoff";

describe("mail retry backoff", () => {
  const now = new Date("2026-12-06T00:00:00Z");
  it.each([
    [1, 60_000],
    [2, 5 * 60_000],
    [3, 30 * 60_000],
    [4, 2 * 3600_000],
  ])("after %i failed attempts waits %i ms", (attempts, ms) => {
    expect(nextAttemptAfter(attempts, now)!.getTime() - now.getTime()).toBe(ms);
  });
  it("gives up after the last attempt", () => {
    expect(MAX_ATTEMPTS).toBe(5);
    expect(nextAttemptAfter(MAX_ATTEMPTS, now)).toBeNull();
  });
});

describe("errors shown in the outbox", () => {
  it("never carries the SMTP password or the credentials of a URL", () => {
    const e = Object.assign(new Error("Invalid login for smtp://kpi:s3cret@mail.example.lg.jp:587"), { response: "535 auth failed s3cret" });
    const text = safeError(e, ["s3cret"]);
    expect(text).not.toContain("s3cret");
    expect(text).toContain("535");
  });
  it("is bounded and on one line", () => {
    expect(safeError(new Error("a\nb".repeat(1000))).length).toBeLessThanOrEqual(500);
    expect(safeError(new Error("a\nb"))).toBe("a b");
  });
});
