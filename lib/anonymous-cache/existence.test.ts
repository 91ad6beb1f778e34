import { describe, expect, it } from "vitest";
import { cachedTarget } from "./existence";

describe("cachedTarget", () => {
  it("names the plan, KPI or department a cached URL points at, decoded", () => {
    expect(cachedTarget("/orgs/430005/plans/kumamoto-2020")).toEqual({ kind: "plan", code: "430005", slug: "kumamoto-2020" });
    expect(cachedTarget("/orgs/430005/plans/kumamoto-2020/measures/%E8%BF%BD%E5%8A%A01")).toEqual({ kind: "measure", code: "430005", slug: "kumamoto-2020", no: "追加1" });
    expect(cachedTarget("/orgs/430005/units/cm0abc")).toEqual({ kind: "unit", code: "430005", unitId: "cm0abc" });
  });
  it("leaves other paths alone and calls broken or hostile segments malformed", () => {
    expect(cachedTarget("/")).toBeNull();
    expect(cachedTarget("/orgs/430005/plans/kumamoto-2020/measures/15/print")).toBeNull();
    expect(cachedTarget("/orgs/430005/plans/kumamoto-2020/measures/%E0%A4%A")).toBe("malformed");
    expect(cachedTarget("/orgs/430005/plans/kumamoto-2020/measures/a%00b")).toBe("malformed");
    expect(cachedTarget(`/orgs/430005/plans/${"x".repeat(300)}`)).toBe("malformed");
  });
});
