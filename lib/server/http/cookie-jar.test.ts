import { describe, expect, it } from "vitest";
import { headerCookieJar, parseCookieHeader, serializeCookie } from "./cookie-jar";

describe("the header cookie jar", () => {
  it("reads values as Auth.js does: the first of a repeated name, decoded, a bad encoding kept as sent", () => {
    const values = parseCookieHeader("a=1; b=x%7Cy; a=2; c=%E0%A4%A; =nameless; d");
    expect(values.get("a")).toBe("1");
    expect(values.get("b")).toBe("x|y");
    expect(values.get("c")).toBe("%E0%A4%A");
    expect([...values.keys()]).toEqual(["a", "b", "c"]);
    expect(parseCookieHeader(undefined).size).toBe(0);
  });

  it("writes Set-Cookie values whose value cannot break out of the cookie", () => {
    expect(serializeCookie("n", "v; Path=/evil\r\nX: 1", { httpOnly: true, sameSite: "lax", secure: true, maxAge: 60.5 })).toBe(
      "n=v%3B%20Path%3D%2Fevil%0D%0AX%3A%201; Path=/; Max-Age=60; HttpOnly; Secure; SameSite=Lax",
    );
    const jar = headerCookieJar("n=old");
    jar.set("n", "new", { expires: new Date(0) });
    expect(jar.get("n")).toBe("new");
    expect(jar.setCookies).toEqual(["n=new; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"]);
  });
});
