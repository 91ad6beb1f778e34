import { describe, expect, it } from "vitest";
import { CC_BY_4_URL, DEFAULT_LICENSE, PDL_URL, licenseHeaders, licenseUrl } from "./license";
import { httpDate, isNotModified, latest } from "./http";

describe("licence", () => {
  it.each([
    [DEFAULT_LICENSE, PDL_URL],
    ["PDL1.0", PDL_URL],
    ["公共データ利用規約（第1.0版）", PDL_URL],
    ["公共データ利用規約 第2.0版", null],
    ["CC BY 4.0", CC_BY_4_URL],
    ["クリエイティブ・コモンズ 表示 4.0 国際", CC_BY_4_URL],
    ["CC BY-SA 4.0", null],
    ["CC BY-NC 4.0", null],
    ["独自の利用規約", null],
  ])("%s → %s", (name, url) => expect(licenseUrl(name)).toBe(url));

  it("states the name in ASCII headers, with a Link to the text when it is known", () => {
    const h = licenseHeaders(DEFAULT_LICENSE);
    expect(decodeURIComponent(h["X-Data-License"])).toBe(DEFAULT_LICENSE);
    expect(h["X-Data-License"]).toMatch(/^[\x21-\x7e]+$/);
    expect(h.Link).toBe(`<${PDL_URL}>; rel="license"; title*=UTF-8''${encodeURIComponent(DEFAULT_LICENSE)}`);
    expect(licenseHeaders("独自の利用規約").Link).toBeUndefined();
  });
});

describe("Last-Modified and If-Modified-Since", () => {
  const changed = new Date("2024-04-01T03:04:05.700Z");

  it("writes an HTTP date in whole seconds", () => {
    expect(httpDate(changed)).toBe("Mon, 01 Apr 2024 03:04:05 GMT");
  });

  it.each([
    [null, false],
    ["not a date", false],
    ["Mon, 01 Apr 2024 03:04:05 GMT", true], // the very Last-Modified the client was given
    ["Mon, 01 Apr 2024 03:04:06 GMT", true],
    ["Mon, 01 Apr 2024 03:04:04 GMT", false],
  ])("If-Modified-Since %j → not modified: %s", (since, expected) => expect(isNotModified(since, changed)).toBe(expected));

  it("takes the latest of the timestamps, ignoring missing ones", () => {
    expect(latest(null, changed, new Date("2020-01-01"), undefined)).toEqual(changed);
    expect(latest().getTime()).toBe(0);
  });
});
