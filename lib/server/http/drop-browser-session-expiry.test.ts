import { describe, expect, it } from "vitest";
import { markSessionToken } from "@/lib/session-token-marker";
import { dropBrowserSessionExpiry } from "./drop-browser-session-expiry";

const TOKEN = "eyJhbGciOiJkaXIifQ..iv.cipher.tag";
const EXPIRES = "Expires=Tue, 29 Dec 2026 19:34:10 GMT";

describe("dropBrowserSessionExpiry", () => {
  it("turns a browser-session token's cookie into a cookie that ends with the browser", () => {
    const value = markSessionToken(TOKEN, false);
    expect(dropBrowserSessionExpiry(`authjs.session-token=${value}; Path=/; ${EXPIRES}; HttpOnly; SameSite=Lax`)).toBe(
      `authjs.session-token=${value}; Path=/; HttpOnly; SameSite=Lax`,
    );
    expect(dropBrowserSessionExpiry(`__Secure-authjs.session-token=${value}; Max-Age=2592000; Path=/; ${EXPIRES}; Secure`)).toBe(
      `__Secure-authjs.session-token=${value}; Path=/; Secure`,
    );
  });

  it("keeps the expiry of a persistent session and of tokens without a marker", () => {
    for (const value of [markSessionToken(TOKEN, true), TOKEN]) {
      const cookie = `authjs.session-token=${value}; Path=/; ${EXPIRES}; HttpOnly`;
      expect(dropBrowserSessionExpiry(cookie)).toBe(cookie);
    }
  });

  it("passes a deletion cookie unchanged", () => {
    for (const cookie of ["authjs.session-token=; Max-Age=0; Path=/; HttpOnly", `authjs.session-token=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT`]) {
      expect(dropBrowserSessionExpiry(cookie)).toBe(cookie);
    }
  });

  it("leaves other cookies alone, even with a value that looks marked", () => {
    const cookie = `NEXT_LOCALE=b.en; Path=/; ${EXPIRES}`;
    expect(dropBrowserSessionExpiry(cookie)).toBe(cookie);
    const lookalike = `x-authjs.session-token=${markSessionToken(TOKEN, false)}; ${EXPIRES}`;
    expect(dropBrowserSessionExpiry(lookalike)).toBe(lookalike);
  });
});
