import type { IncomingHttpHeaders } from "node:http";
import { isBot } from "next/dist/shared/lib/router/utils/is-bot.js";
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

export type SignInPageRequest = { locale: Locale; search: string; protocol: string };

function cookieNames(header: string | undefined): string[] {
  if (!header) return [];
  return header.split(";").map((pair) => pair.split("=")[0].trim()).filter(Boolean);
}

/**
 * The locale cookie's value when it is plain: sent once, exactly a known locale. Parsers differ on a repeated,
 * encoded or padded value (Next reads the last one, decoded); such a request is left to Next rather than keyed by
 * a guess. Undefined without the cookie, null when it is not plain.
 */
function plainLocaleCookie(header: string | undefined): Locale | undefined | null {
  const values = (header?.split(";") ?? [])
    .map((pair) => pair.replace(/^ /, ""))
    .filter((pair) => pair.slice(0, pair.indexOf("=")) === LOCALE_COOKIE)
    .map((pair) => pair.slice(pair.indexOf("=") + 1));
  if (values.length === 0) return undefined;
  return values.length === 1 && isLocale(values[0]) ? values[0] : null;
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
  // Next renders some parts differently for crawlers: they get their own render.
  if (isBot(headers["user-agent"] ?? "")) return null;
  const fromCookie = plainLocaleCookie(headers.cookie);
  if (fromCookie === null) return null;
  const locale = fromCookie ?? localeFromAcceptLanguage(headers["accept-language"] ?? null);
  // The CSP asks to upgrade insecure requests only over https (behind a balancer: X-Forwarded-Proto, kept by the
  // server only under TRUST_PROXY): the protocol is part of the key.
  const protocol = String(headers["x-forwarded-proto"] ?? "").split(",")[0].trim();
  return { locale, search, protocol };
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
