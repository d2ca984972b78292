import { describe, expect, it } from "vitest";
import { isBrowserSessionToken, markSessionToken, unmarkSessionToken } from "./session-token-marker";

const TOKEN = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..iv.cipher.tag";

describe("session token marker", () => {
  it("marks a browser-session token and gives the token back unchanged", () => {
    const marked = markSessionToken(TOKEN, false);
    expect(isBrowserSessionToken(marked)).toBe(true);
    expect(unmarkSessionToken(marked)).toBe(TOKEN);
  });

  it("marks a persistent token as not ending with the browser", () => {
    const marked = markSessionToken(TOKEN, true);
    expect(isBrowserSessionToken(marked)).toBe(false);
    expect(unmarkSessionToken(marked)).toBe(TOKEN);
  });

  it("reads a token issued before markers existed as it is", () => {
    expect(unmarkSessionToken(TOKEN)).toBe(TOKEN);
    expect(isBrowserSessionToken(TOKEN)).toBe(false);
  });
});
