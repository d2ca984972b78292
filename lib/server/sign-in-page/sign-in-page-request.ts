import type { IncomingHttpHeaders } from "node:http";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "@/i18n/locales";

export const SIGN_IN_PATH = "/sign-in";
const MAX_SEARCH_LENGTH = 512;

/**
 * Cookies the sign-in page never reads (apart from the locale, which is part of the key). A browser carrying any
 * other cookie, a session cookie above all, is rendered by Next as before: it may be signed in or told that its
 * session was ended elsewhere.
 */
const IGNORED_COOKIES = new Set([
  LOCALE_COOKIE,
  "authjs.csrf-token",
  "__Host-authjs.csrf-token",
  "authjs.callback-url",
  "__Secure-authjs.callback-url",
  "qn-device",
  "qn-trusted",
  "qn-cookie-check",
]);

// Headers of Next's client-side navigations and server actions: those answers are not the HTML document.
const NEXT_CLIENT_HEADERS = ["rsc", "next-action", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch"];

export type SignInPageRequest = { locale: Locale; search: string };

function cookieNames(header: string | undefined): string[] {
  if (!header) return [];
  return header.split(";").map((pair) => pair.split("=")[0].trim()).filter(Boolean);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of header?.split(";") ?? []) {
    const at = pair.indexOf("=");
    if (at !== -1 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * The parts of a request that decide what GET /sign-in renders for a browser without a session: its locale (as
 * i18n/request.ts picks it) and the query string. Null when the request is anything else.
 */
export function readSignInPageRequest(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): SignInPageRequest | null {
  if (method !== "GET" || !url) return null;
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const search = queryAt === -1 ? "" : url.slice(queryAt);
  if (path !== SIGN_IN_PATH || search.length > MAX_SEARCH_LENGTH || search.includes("_rsc=")) return null;
  if (NEXT_CLIENT_HEADERS.some((name) => headers[name] !== undefined)) return null;
  if (!cookieNames(headers.cookie).every((name) => IGNORED_COOKIES.has(name))) return null;
  const fromCookie = cookieValue(headers.cookie, LOCALE_COOKIE);
  const locale = isLocale(fromCookie) ? fromCookie : localeFromAcceptLanguage(headers["accept-language"] ?? null);
  return { locale, search };
}

/** Whether the client takes a gzip body (a `gzip;q=0` refusal included). */
export function acceptsGzip(headers: IncomingHttpHeaders): boolean {
  const header = headers["accept-encoding"];
  if (!header) return false;
  return header.split(",").some((part) => {
    const [name, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    return (name === "gzip" || name === "*") && (q === undefined || Number(q.slice(2)) > 0);
  });
}
