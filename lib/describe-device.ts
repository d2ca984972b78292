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

/** "203.0.113.42" → "203.0.113.*"; IPv6 keeps its first four groups (its network), counted with "::" expanded. */
export function maskIp(ip: string | null): string | null {
  if (!ip) return null;
  if (ip.includes(".") && !ip.includes(":")) return ip.replace(/\.\d+$/, ".*");
  return `${ipv6Groups(ip).slice(0, 4).join(":")}:…`;
}

/** The eight groups of an IPv6 address, "::" written out as the zero groups it stands for. */
function ipv6Groups(ip: string): string[] {
  const [head, tail] = ip.split("::");
  const left = head ? head.split(":") : [];
  if (tail === undefined) return left;
  const right = tail ? tail.split(":") : [];
  return [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
}
