import { describe, expect, it } from "vitest";
import { DEVICE_COOKIE } from "@/lib/server/devices/device-cookie";
import { TRUSTED_BROWSER_COOKIE } from "@/lib/server/two-step/trusted-browser-cookie";
import { listPortalCookies } from "./portal-cookies";

describe("listPortalCookies", () => {
  it("names Auth.js's cookies in plain, __Secure- and __Host- form, and the portal's own", () => {
    const names = listPortalCookies([]);
    for (const name of ["authjs.session-token", "__Secure-authjs.session-token", "authjs.csrf-token", "__Host-authjs.csrf-token", "__Secure-authjs.callback-url"]) {
      expect(names).toContain(name);
    }
    expect(names).toContain(DEVICE_COOKIE);
    expect(names).toContain(TRUSTED_BROWSER_COOKIE);
  });

  it("adds the session chunks this browser sent, and no one else's cookie", () => {
    const names = listPortalCookies(["__Secure-authjs.session-token.0", "authjs.session-token.1", "NEXT_LOCALE", "other-site"]);
    expect(names).toContain("__Secure-authjs.session-token.0");
    expect(names).toContain("authjs.session-token.1");
    expect(names).not.toContain("NEXT_LOCALE");
    expect(names).not.toContain("other-site");
    expect(new Set(names).size).toBe(names.length);
  });
});
