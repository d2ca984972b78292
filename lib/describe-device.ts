import { UAParser } from "ua-parser-js";

/** "Chrome 124" / "Windows 10" from a user agent, for showing people their own devices. */
export function describeDevice(userAgent: string | null): { browser: string; os: string } | null {
  if (!userAgent) return null;
  const { browser, os } = new UAParser(userAgent).getResult();
  if (!browser.name && !os.name) return null;
  const major = browser.version?.split(".")[0];
  return {
    browser: [browser.name ?? "?", major].filter(Boolean).join(" "),
    os: [os.name ?? "?", os.version].filter(Boolean).join(" "),
  };
}

/** "203.0.113.42" → "203.0.113.*"; IPv6 keeps its first four groups. */
export function maskIp(ip: string | null): string | null {
  if (!ip) return null;
  if (ip.includes(".") && !ip.includes(":")) return ip.replace(/\.\d+$/, ".*");
  return `${ip.split(":").slice(0, 4).join(":")}:…`;
}
