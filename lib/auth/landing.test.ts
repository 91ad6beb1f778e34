import { describe, expect, it } from "vitest";
import { landingPath } from "./landing";
import { safeCallbackPath } from "./callback-url";

const plans = { "430005": "kumamoto-2020", "402273": null };
const member = (role: string, organizationCode = "430005") => ({ role, organizationCode });

describe("landingPath: everyone lands where their work is", () => {
  it.each([
    ["an officer", [member("officer")], "/work"],
    ["the planning division", [member("admin")], "/work"],
    ["a committee member", [member("committee")], "/orgs/430005/plans/kumamoto-2020/review"],
    ["a committee member of an organisation without a current plan", [member("committee", "402273")], "/review"],
    ["a viewer", [member("viewer")], "/orgs/430005/plans/kumamoto-2020"],
    ["a viewer of an organisation without a current plan", [member("viewer", "402273")], "/"],
    ["a committee member who also views another organisation", [member("viewer", "402273"), member("committee")], "/orgs/430005/plans/kumamoto-2020/review"],
    ["a committee member who is also an officer elsewhere", [member("committee"), member("officer", "402273")], "/work"],
    ["an unknown role", [member("auditor")], "/"],
  ])("%s", (_who, memberships, expected) => {
    expect(landingPath({ memberships }, plans)).toBe(expected);
  });

  it("sends an operator without an organisation to /system, one with an organisation to their work", () => {
    expect(landingPath({ isOperator: true, memberships: [] }, plans)).toBe("/system");
    expect(landingPath({ isOperator: true, memberships: [member("admin")] }, plans)).toBe("/work");
  });

  it("an explicit safe callbackUrl wins; an unsafe one falls back to the landing", () => {
    expect(safeCallbackPath("/orgs/430005/plans/kumamoto-2020/measures/9", "/signin/landing")).toBe("/orgs/430005/plans/kumamoto-2020/measures/9");
    expect(safeCallbackPath("//evil.example", "/signin/landing")).toBe("/signin/landing");
    expect(safeCallbackPath(undefined, "/signin/landing")).toBe("/signin/landing");
  });
});
