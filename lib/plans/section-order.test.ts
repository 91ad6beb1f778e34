import { describe, expect, it } from "vitest";
import { nextSectionKey, treeOrder } from "./section-order";

const s = (id: string, key: string, parentId: string | null, sortOrder: number) => ({ id, key, parentId, sortOrder });

describe("section tree order", () => {
  it("puts each parent before its children, siblings by sortOrder", () => {
    const rows = [s("c", "2", null, 1), s("a1", "1-1", "a", 5), s("a", "1", null, 0), s("c1", "2-1", "c", 2), s("a2", "1-2", "a", 3)];
    expect(treeOrder(rows).map((r) => r.id)).toEqual(["a", "a2", "a1", "c", "c1"]);
  });
  it("keeps orphans at the end", () => {
    expect(treeOrder([s("x", "x", "gone", 0), s("a", "1", null, 1)]).map((r) => r.id)).toEqual(["a", "x"]);
  });
  it("finds free keys", () => {
    const rows = [s("a", "1", null, 0), s("a1", "1-1", "a", 1), s("b", "3", null, 2)];
    expect(nextSectionKey(rows, null)).toBe("2");
    expect(nextSectionKey(rows, "a")).toBe("1-2");
    expect(nextSectionKey(rows, "b")).toBe("3-1");
    expect(nextSectionKey([], null)).toBe("1");
  });
});
