import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath: only same-origin paths after sign-in", () => {
  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r//evil.example",
    " //evil.example",
    " /work",
    "https://evil.example/work",
    "http:evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "//user:pass@evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/./\\evil.example",
    "",
    "/\u0000/evil.example",
    "x".repeat(3000),
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/work");
  });

  it.each([
    ["/work", "/work"],
    ["/orgs/430005/plans/kumamoto-2020?status=achieved#top", "/orgs/430005/plans/kumamoto-2020?status=achieved#top"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"], // encoded slashes stay a path on this site
    ["/%09/evil.example", "/%09/evil.example"],
    ["/@evil.example", "/@evil.example"],
    ["/admin/../review", "/review"],
    ["/orgs/430005/units/x?q=熊本", "/orgs/430005/units/x?q=%E7%86%8A%E6%9C%AC"],
  ])("keeps %j", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it("refuses anything that is not a string", () => {
    for (const v of [undefined, null, 1, ["/work"], { toString: () => "/work" }]) expect(safeCallbackPath(v)).toBe("/work");
  });
});
