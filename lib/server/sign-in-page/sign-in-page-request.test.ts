import { describe, expect, it } from "vitest";
import { acceptsGzip, readSignInPageRequest } from "./sign-in-page-request";

describe("which GET /sign-in requests share one rendering", () => {
  it("keys a visitor without cookies by locale and query string", () => {
    expect(readSignInPageRequest("GET", "/sign-in", {})).toEqual({ locale: "zh-CN", search: "", protocol: "" });
    expect(readSignInPageRequest("GET", "/sign-in?callbackUrl=%2Faccount", { "accept-language": "en-GB,en;q=0.8" })).toEqual({ locale: "en", search: "?callbackUrl=%2Faccount", protocol: "" });
    expect(readSignInPageRequest("GET", "/sign-in", { cookie: "NEXT_LOCALE=en; authjs.csrf-token=abc", "accept-language": "zh-CN" })).toEqual({ locale: "en", search: "", protocol: "" });
    // Behind a trusted balancer the protocol changes the CSP (upgrade-insecure-requests), so it is part of the key.
    expect(readSignInPageRequest("GET", "/sign-in", { "x-forwarded-proto": "https" })).toEqual({ locale: "zh-CN", search: "", protocol: "https" });
  });

  it.each([
    ["a session cookie", "GET", "/sign-in", { cookie: "authjs.session-token=eyJ" }],
    ["a secure session cookie", "GET", "/sign-in", { cookie: "NEXT_LOCALE=en; __Secure-authjs.session-token=eyJ" }],
    ["a cookie the page might read one day", "GET", "/sign-in", { cookie: "qn-status=1" }],
    ["a server action", "POST", "/sign-in", { "next-action": "abc" }],
    ["a client navigation", "GET", "/sign-in", { rsc: "1" }],
    ["a client navigation by query", "GET", "/sign-in?_rsc=1x2y", {}],
    ["another page", "GET", "/sign-in/two-step", {}],
    ["a HEAD request", "HEAD", "/sign-in", {}],
    ["an overlong query", "GET", `/sign-in?callbackUrl=${"a".repeat(600)}`, {}],
    // Locale cookies other parsers read differently (Next: the last one, decoded): never keyed by a guess.
    ["a repeated locale cookie", "GET", "/sign-in", { cookie: "NEXT_LOCALE=en; NEXT_LOCALE=zh-CN" }],
    ["an encoded locale cookie", "GET", "/sign-in", { cookie: "NEXT_LOCALE=%65n", "accept-language": "zh" }],
    ["a padded locale cookie", "GET", "/sign-in", { cookie: "NEXT_LOCALE= en" }],
    ["an unknown locale", "GET", "/sign-in", { cookie: "NEXT_LOCALE=fr" }],
    ["a crawler", "GET", "/sign-in", { "user-agent": "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)" }],
  ])("renders through Next for %s", (_, method, url, headers) => {
    expect(readSignInPageRequest(method, url, headers)).toBeNull();
  });

  it("reads Accept-Encoding", () => {
    expect(acceptsGzip({ "accept-encoding": "gzip, deflate, br" })).toBe(true);
    expect(acceptsGzip({ "accept-encoding": "br, gzip;q=0" })).toBe(false);
    expect(acceptsGzip({})).toBe(false);
  });
});
