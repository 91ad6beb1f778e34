import { describe, expect, it } from "vitest";
import { checkDigit, parseLocalGovernmentCode, prefectureCodeOf } from "./local-government-code";

describe("全国地方公共団体コードの検査数字", () => {
  it.each([
    ["熊本県", "430005"],
    ["嘉麻市", "402273"],
    ["福岡県", "400009"],
    ["東京都", "130001"],
    ["札幌市", "011002"],
    ["北海道", "010006"],
    ["飯塚市", "402052"],
  ])("%s %s", (_name, code) => {
    expect(checkDigit(code.slice(0, 5))).toBe(Number(code[5]));
    expect(parseLocalGovernmentCode(code).ok).toBe(true);
  });

  it.each([
    ["430006", "検査数字"],
    ["402270", "検査数字"],
    ["40227", "6桁"],
    ["4022734", "6桁"],
    ["40a273", "6桁"],
    ["", "6桁"],
    [withCheck("48000"), "01〜47"],
    [withCheck("00000"), "01〜47"],
  ])("refuses %s (%s)", (code, message) => {
    const r = parseLocalGovernmentCode(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it("tells a prefecture from a municipality and derives the prefecture's code", () => {
    expect(parseLocalGovernmentCode("430005")).toEqual({ ok: true, code: "430005", kind: "prefecture", prefectureCode: null });
    expect(parseLocalGovernmentCode("402273")).toEqual({ ok: true, code: "402273", kind: "municipality", prefectureCode: "400009" });
    expect(parseLocalGovernmentCode("011002")).toEqual({ ok: true, code: "011002", kind: "municipality", prefectureCode: "010006" });
    expect(prefectureCodeOf("131016")).toBe("130001");
  });

  it("reads full-width digits and surrounding spaces", () => {
    expect(parseLocalGovernmentCode(" ４０２２７３ ")).toMatchObject({ ok: true, code: "402273" });
  });
});

function withCheck(body: string) {
  return `${body}${checkDigit(body)}`;
}
