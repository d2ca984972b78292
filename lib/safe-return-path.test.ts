import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

const ORIGIN = "http://localhost:3000";

describe("safeReturnPath", () => {
  it.each([
    ["//evil.test/x"],
    ["/\\evil.test"],
    ["\\\\evil.test"],
    ["\\/evil.test"],
    ["https://evil.test/account"],
    ["http://localhost:3001/account"],
    ["https://localhost:3000/account"],
    ["http://localhost:3000//evil.test/x"],
    ["http://localhost:3000/\\evil.test"],
    ["javascript:alert(1)"],
    ["account"],
    ["/acc ount"],
    ["/\t/evil.test"],
    ["/account\r\nSet-Cookie: x=1"],
    ["/account\u0000"],
    ["http://localhost:3000/account\n"],
    [`/${"a".repeat(600)}`],
    [""],
    [undefined],
    [null],
    [42],
    [["/account"]],
    [{ toString: () => "/account" }],
  ])("%j → the fallback", (value) => {
    expect(safeReturnPath(value, "/fallback", ORIGIN)).toBe("/fallback");
  });

  it("keeps a path on this site with its query and fragment", () => {
    expect(safeReturnPath("/account?x=1", "/", ORIGIN)).toBe("/account?x=1");
    expect(safeReturnPath("/account/security#sessions", "/")).toBe("/account/security#sessions");
  });

  it("keeps the path and query of an absolute URL on this origin", () => {
    expect(safeReturnPath("http://localhost:3000/sign-in?callbackUrl=%2Faccount", "/", ORIGIN)).toBe("/sign-in?callbackUrl=%2Faccount");
    expect(safeReturnPath("http://localhost:3000", "/x", ORIGIN)).toBe("/");
  });

  it("refuses every absolute URL when no origin is given", () => {
    expect(safeReturnPath("http://localhost:3000/account", "/fallback")).toBe("/fallback");
  });
});
