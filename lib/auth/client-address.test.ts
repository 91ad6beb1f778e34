import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, PEER_HEADER } from "./client-address";

describe("clientAddress", () => {
  const none = parseTrustedProxies(undefined);
  const proxy = parseTrustedProxies("10.0.0.5, 10.0.0.6");

  it("a direct client is its TCP peer, whatever X-Forwarded-For it sends", () => {
    expect(clientAddress({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" }, none)).toBe("203.0.113.7");
    expect(clientAddress({ [PEER_HEADER]: "::ffff:203.0.113.7" }, none)).toBe("203.0.113.7");
  });
  it("behind a named proxy, the address the proxy appended, not what the client wrote before it", () => {
    const headers = { [PEER_HEADER]: "10.0.0.5", "x-forwarded-for": "198.51.100.1, 203.0.113.7" };
    expect(clientAddress(headers, proxy)).toBe("203.0.113.7");
    expect(clientAddress({ [PEER_HEADER]: "10.0.0.5", "x-forwarded-for": "203.0.113.7, 10.0.0.6" }, proxy)).toBe("203.0.113.7");
  });
  it("a proxy that is not named is the client (its header is not believed)", () => {
    expect(clientAddress({ [PEER_HEADER]: "10.9.9.9", "x-forwarded-for": "198.51.100.1" }, proxy)).toBe("10.9.9.9");
  });
  it("without the stamp (next dev), the right-most forwarded address", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.1, 127.0.0.1" }), none)).toBe("127.0.0.1");
    expect(clientAddress({}, none)).toBe("unknown");
  });
});
