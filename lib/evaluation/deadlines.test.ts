import { describe, expect, it } from "vitest";
import { daysLeft, deadlineState, effectiveDeadline, endOfJapaneseDay, isPastDeadline, japaneseDate, reminderDay } from "./deadlines";

const parents: Record<string, string | null> = { bu: null, ka: "bu", other: null };
const subject = { measureId: "m1", ownerUnitIds: ["ka"], parentOf: (u: string) => parents[u] };
const base = endOfJapaneseDay("2024-06-30");

describe("effectiveDeadline", () => {
  it("is the year's deadline without extensions, and none without a deadline", () => {
    expect(effectiveDeadline(base, [], subject)).toEqual(base);
    expect(effectiveDeadline(null, [{ unitId: "bu", measureId: null, deadline: endOfJapaneseDay("2024-07-10") }], subject)).toBeNull();
  });
  it("takes a department's extension for a sheet owned by one of its divisions", () => {
    expect(effectiveDeadline(base, [{ unitId: "bu", measureId: null, deadline: endOfJapaneseDay("2024-07-10") }], subject)).toEqual(endOfJapaneseDay("2024-07-10"));
  });
  it("ignores another department's extension and another sheet's", () => {
    const ext = [
      { unitId: "other", measureId: null, deadline: endOfJapaneseDay("2024-07-10") },
      { unitId: null, measureId: "m2", deadline: endOfJapaneseDay("2024-07-20") },
    ];
    expect(effectiveDeadline(base, ext, subject)).toEqual(base);
  });
  it("takes the latest that applies, never an earlier one", () => {
    const ext = [
      { unitId: "ka", measureId: null, deadline: endOfJapaneseDay("2024-07-05") },
      { unitId: null, measureId: "m1", deadline: endOfJapaneseDay("2024-07-15") },
      { unitId: "bu", measureId: null, deadline: endOfJapaneseDay("2024-06-01") },
    ];
    expect(effectiveDeadline(base, ext, subject)).toEqual(endOfJapaneseDay("2024-07-15"));
  });
});

describe("the clock in Japan", () => {
  it("a deadline day ends at midnight in Japan", () => {
    const d = endOfJapaneseDay("2024-06-30");
    expect(isPastDeadline(d, new Date("2024-06-30T14:59:59Z"))).toBe(false); // 23:59:59 JST
    expect(isPastDeadline(d, new Date("2024-06-30T15:00:00Z"))).toBe(true); // 00:00 JST on 7/1
    expect(isPastDeadline(null, new Date())).toBe(false);
  });
  it("counts days in Japanese calendar days", () => {
    const d = endOfJapaneseDay("2024-06-30");
    expect(daysLeft(d, new Date("2024-06-23T00:00:00+09:00"))).toBe(7);
    expect(daysLeft(d, new Date("2024-06-29T23:30:00+09:00"))).toBe(1);
    expect(daysLeft(d, new Date("2024-06-30T08:00:00+09:00"))).toBe(0);
    expect(japaneseDate(new Date("2024-06-30T15:30:00Z"))).toBe("2024-07-01");
    expect(reminderDay(d, 7)).toBe("2024-06-23");
    expect(reminderDay(d, 1)).toBe("2024-06-29");
  });
  it("places a sheet against its deadline", () => {
    const now = new Date("2024-06-25T12:00:00+09:00");
    expect(deadlineState(base, now, "draft")).toBe("due_soon");
    expect(deadlineState(base, new Date("2024-06-01T12:00:00+09:00"), "none")).toBe("open");
    expect(deadlineState(base, new Date("2024-07-01T00:00:01+09:00"), "returned")).toBe("overdue");
    expect(deadlineState(base, new Date("2024-07-01T00:00:01+09:00"), "submitted")).toBe("done");
    expect(deadlineState(null, now, "draft")).toBe("none");
  });
});
