// The one action path refuses a NUL byte anywhere in the input before the schema, the lib or the database see it.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { nulPath, runAction, NUL_MESSAGE } from "./action";

describe("runAction at the edge", () => {
  it("finds a NUL byte in nested strings and keys", () => {
    expect(nulPath({ a: "ok", b: [{ c: "x\u0000y" }] })).toBe("b.0.c");
    expect(nulPath({ ["k\u0000"]: 1 })).toBe("k\u0000");
    expect(nulPath("\u0000")).toBe("form");
    expect(nulPath({ a: ["fine", 1, null] })).toBeNull();
  });

  it("answers a field error, and never runs the mutation", async () => {
    let ran = false;
    const result = await runAction({ id: "u", memberships: [] }, { name: "a\u0000b" }, {
      name: "test",
      schema: z.object({ name: z.string() }),
      run: async () => {
        ran = true;
      },
      publishes: false,
      message: "ok",
    });
    expect(result).toEqual({ status: "error", code: "invalid", message: "入力内容を確認してください。", fieldErrors: { name: NUL_MESSAGE } });
    expect(ran).toBe(false);
  });
});
