import { describe, expect, it } from "vitest";
import { printedDateLabel } from "./printed-date";

describe("printedDateLabel", () => {
  it("writes the date in Japan time, era first", () => {
    expect(printedDateLabel(new Date("2024-03-31T20:00:00Z"))).toBe("令和6年4月1日（2024年4月1日）");
    expect(printedDateLabel(new Date("2019-06-01T00:00:00Z"))).toBe("令和元年6月1日（2019年6月1日）");
  });
});
