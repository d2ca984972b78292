import { describe, expect, it } from "vitest";
import { isForeignOrigin } from "./is-foreign-origin";

const APP = "https://account.example.com";

describe("isForeignOrigin", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE", "post"])("refuses %s from another site", (method) => {
    expect(isForeignOrigin(method, "https://evil.test", APP)).toBe(true);
  });

  it.each([
    ["another scheme", "http://account.example.com"],
    ["another port", "https://account.example.com:8443"],
    ["a subdomain", "https://evil.account.example.com"],
    ["an opaque origin", "null"],
  ])("refuses a POST from %s", (_, origin) => {
    expect(isForeignOrigin("POST", origin, APP)).toBe(true);
  });

  it("lets the portal's own pages write", () => {
    expect(isForeignOrigin("POST", APP, APP)).toBe(false);
  });

  it("lets requests without Origin through (curl, scripts)", () => {
    expect(isForeignOrigin("POST", undefined, APP)).toBe(false);
  });

  it.each(["GET", "HEAD", "OPTIONS"])("never refuses a %s, which changes nothing", (method) => {
    expect(isForeignOrigin(method, "https://evil.test", APP)).toBe(false);
  });
});
