import { describe, expect, it } from "vitest";
import { describeDevice, maskIp } from "./describe-device";

const CHROME_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.91 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

describe("describeDevice", () => {
  it("names browser with major version and operating system", () => {
    expect(describeDevice(CHROME_WINDOWS)).toEqual({ browser: "Chrome 124", os: "Windows 10" });
    expect(describeDevice(SAFARI_IPHONE)).toEqual({ browser: "Mobile Safari 17", os: "iOS 17.4" });
  });

  it("is null for nothing recognisable", () => {
    expect(describeDevice(null)).toBeNull();
    expect(describeDevice("")).toBeNull();
    expect(describeDevice("vitest")).toBeNull();
  });
});

describe("maskIp", () => {
  it("hides the last IPv4 octet", () => {
    expect(maskIp("203.0.113.42")).toBe("203.0.113.*");
  });

  it("keeps the first four IPv6 groups", () => {
    expect(maskIp("2001:db8:85a3:8d3:1319:8a2e:370:7348")).toBe("2001:db8:85a3:8d3:…");
  });

  it("never shows more than the first four groups of a shortened IPv6 address", () => {
    expect(maskIp("2001:db8::1")).toBe("2001:db8:0:0:…");
    expect(maskIp("::1")).toBe("0:0:0:0:…");
    expect(maskIp("2001:db8:85a3::8a2e:370:7348")).toBe("2001:db8:85a3:0:…");
    expect(maskIp("fe80::")).toBe("fe80:0:0:0:…");
  });

  it("is null without an address", () => {
    expect(maskIp(null)).toBeNull();
  });
});
