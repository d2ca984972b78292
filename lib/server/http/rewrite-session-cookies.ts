import "server-only";
import type { ServerResponse } from "node:http";
import { dropBrowserSessionExpiry } from "./drop-browser-session-expiry";

type HeaderValue = number | string | readonly string[];

function rewriteHeader(name: string, value: HeaderValue): HeaderValue {
  if (name.toLowerCase() !== "set-cookie" || typeof value === "number") return value;
  return typeof value === "string" ? dropBrowserSessionExpiry(value) : value.map(dropBrowserSessionExpiry);
}

function rewriteHeaders(headers: object): object {
  // writeHead also takes a flat [name, value, name, value …] list.
  if (Array.isArray(headers)) return headers.map((v, i) => (i % 2 === 1 ? rewriteHeader(String(headers[i - 1]), v) : v));
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value === undefined ? value : rewriteHeader(name, value)]));
}

/**
 * Every session cookie this server sends (Auth.js routes, server actions) is rewritten on
 * its way out by dropBrowserSessionExpiry, whichever of Node's three header methods wrote it.
 */
export function rewriteSessionCookies(res: ServerResponse): void {
  const { setHeader, appendHeader, writeHead } = res;
  res.setHeader = (name, value) => setHeader.call(res, name, rewriteHeader(name, value));
  res.appendHeader = (name, value) => appendHeader.call(res, name, rewriteHeader(name, value) as string | readonly string[]);
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const last = rest.at(-1);
    if (last && typeof last === "object") rest[rest.length - 1] = rewriteHeaders(last);
    return (writeHead as (...args: unknown[]) => ServerResponse).call(res, status, ...rest);
  }) as ServerResponse["writeHead"];
}
