import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIpOf } from "./client-ip";

function fakeRequest(remoteAddress: string | undefined, headers: IncomingMessage["headers"] = {}): IncomingMessage {
  return { socket: { remoteAddress }, headers } as unknown as IncomingMessage;
}

describe("clientIpOf without a trusted proxy", () => {
  it("uses the socket address and ignores X-Forwarded-For", () => {
    expect(clientIpOf(fakeRequest("203.0.113.9", { "x-forwarded-for": "198.51.100.7" }), false)).toBe("203.0.113.9");
  });

  it("strips the IPv4-mapped IPv6 prefix", () => {
    expect(clientIpOf(fakeRequest("::ffff:203.0.113.9"), false)).toBe("203.0.113.9");
  });

  it("keeps real IPv6 addresses", () => {
    expect(clientIpOf(fakeRequest("2001:db8::1"), false)).toBe("2001:db8::1");
    expect(clientIpOf(fakeRequest("::1"), false)).toBe("::1");
  });

  it("is null when the socket has no address", () => {
    expect(clientIpOf(fakeRequest(undefined, { "x-forwarded-for": "198.51.100.7" }), false)).toBeNull();
  });
});

describe("clientIpOf behind a trusted proxy", () => {
  it("uses the last X-Forwarded-For entry (the one our balancer appended)", () => {
    const req = fakeRequest("10.0.0.2", { "x-forwarded-for": "1.2.3.4, 198.51.100.7,  203.0.113.9 " });
    expect(clientIpOf(req, true)).toBe("203.0.113.9");
  });

  it("uses the only entry", () => {
    expect(clientIpOf(fakeRequest("10.0.0.2", { "x-forwarded-for": "203.0.113.9" }), true)).toBe("203.0.113.9");
  });

  it("strips ::ffff: from the forwarded address", () => {
    expect(clientIpOf(fakeRequest("10.0.0.2", { "x-forwarded-for": "1.2.3.4, ::ffff:203.0.113.9" }), true)).toBe("203.0.113.9");
  });

  it("ignores empty trailing entries", () => {
    expect(clientIpOf(fakeRequest("10.0.0.2", { "x-forwarded-for": "203.0.113.9, " }), true)).toBe("203.0.113.9");
  });

  it("falls back to the socket address without the header", () => {
    expect(clientIpOf(fakeRequest("::ffff:10.0.0.2"), true)).toBe("10.0.0.2");
    expect(clientIpOf(fakeRequest("10.0.0.2", { "x-forwarded-for": "" }), true)).toBe("10.0.0.2");
  });
});
