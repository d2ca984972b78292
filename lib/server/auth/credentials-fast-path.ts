import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { Kysely } from "kysely";
import { authConfig } from "@/auth.config";
import type { Config } from "@/lib/config";
import type { Database } from "@/lib/db/schema";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip";
import { headerCookieJar, type CookieJar } from "@/lib/server/http/cookie-jar";
import { Refusal } from "@/lib/server/refusal";
import { issueSessionClaims } from "@/lib/server/sessions/issue-session-claims";
import { authorizeCredentials } from "./authorize-credentials";

export const CREDENTIALS_CALLBACK = "/api/auth/callback/credentials";
export const CSRF_ENDPOINT = "/api/auth/csrf";
/** A sign-in form is well under 1 KB; bigger posts go to Auth.js, which reads them under the edge's own limit. */
export const FAST_PATH_BODY_LIMIT = 16 * 1024;

export type FastPathAnswer = { location: string; setCookies: string[] };
type Settings = Pick<Config, "APP_URL" | "AUTH_SECRET">;

/** Auth.js's cookie names: "__Secure-" (and "__Host-" for the CSRF pair) when the site is served over https. */
function cookieNames(appUrl: string) {
  const secure = appUrl.startsWith("https:");
  const prefix = secure ? "__Secure-" : "";
  return { secure, session: `${prefix}authjs.session-token`, callbackUrl: `${prefix}authjs.callback-url`, csrf: `${secure ? "__Host-" : ""}authjs.csrf-token` };
}

const csrfHash = (token: string, secret: string) => createHash("sha256").update(`${token}${secret}`).digest("hex");

/** The token of a CSRF cookie this server set ("token|sha256(token + secret)"), or null. */
function csrfTokenOf(cookieValue: string | undefined, secret: string): string | null {
  const [token, hash] = (cookieValue ?? "").split("|");
  return token && hash === csrfHash(token, secret) ? token : null;
}

/** Auth.js's double-submit pair: the cookie holds "token|sha256(token + secret)", the form the token. */
export function csrfVerified(cookieValue: string | undefined, bodyToken: string | null, secret: string): boolean {
  return bodyToken !== null && bodyToken !== "" && csrfTokenOf(cookieValue, secret) === bodyToken;
}

/** Auth.js's default redirect rule: a path or a URL of this origin; anything else goes to the origin. Throws on a malformed URL. */
function allowedRedirect(url: string, origin: string): string {
  if (url.startsWith("/")) return `${origin}${url}`;
  return new URL(url).origin === origin ? url : origin;
}

/** Visible ASCII only: anything else cannot go into a Location header as it is. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

function callbackUrlOf(form: Pick<URLSearchParams, "get">, jar: CookieJar, origin: string, cookieName: string): { url: string; changed: boolean } | null {
  const param = form.get("callbackUrl");
  const cookie = jar.get(cookieName);
  try {
    const url = param ? allowedRedirect(param, origin) : cookie ? allowedRedirect(cookie, origin) : origin;
    // Decided before anything is written: a URL with spaces, controls or non-ASCII goes to Auth.js whole.
    return HEADER_SAFE.test(url) ? { url, changed: url !== cookie } : null;
  } catch {
    return null;
  }
}

/** The form fields Auth.js reads; sent twice, a parser's choice of one would matter, so Auth.js decides. */
const SINGLE_FIELDS = ["csrfToken", "callbackUrl", "identifier", "password", "remember"];

/** The headers authorize() reads: the client address our edge recorded, the user agent, the cookies. */
function headersOf(headers: IncomingHttpHeaders): Headers {
  const picked = new Headers();
  for (const name of [CLIENT_IP_HEADER, "user-agent", "cookie"]) {
    const value = headers[name];
    if (typeof value === "string") picked.set(name, value);
  }
  return picked;
}

/**
 * A form POST to the credentials callback, answered without the framework round trip: the same rules (authorize(),
 * every pause, throttle and audit row in it), the same session row (issueSessionClaims) and the same cookie Auth.js
 * writes (its encoder, name, salt and lifetime), so auth() reads it like any other; the same redirects for a
 * success and a refusal. Returns null for anything it does not answer exactly as Auth.js would (another content
 * type, a client asking for JSON instead of a redirect, a missing or forged CSRF pair, a repeated field, a malformed
 * callbackUrl): Auth.js answers those itself.
 */
export async function answerCredentialsPost(db: Kysely<Database>, config: Settings, headers: IncomingHttpHeaders, body: Buffer): Promise<FastPathAnswer | null> {
  const secret = config.AUTH_SECRET;
  if (!secret || !(headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return null;
  // next-auth/react asks for the redirect as JSON ({ url }) with this header.
  if (headers["x-auth-return-redirect"] !== undefined) return null;
  const names = cookieNames(config.APP_URL);
  const jar = headerCookieJar(headers.cookie);
  const form = new URLSearchParams(body.toString("utf8"));
  if (SINGLE_FIELDS.some((field) => form.getAll(field).length > 1)) return null;
  if (!csrfVerified(jar.get(names.csrf), form.get("csrfToken"), secret)) return null;
  const origin = new URL(config.APP_URL).origin;
  const callback = callbackUrlOf(form, jar, origin, names.callbackUrl);
  if (!callback) return null;

  try {
    const authorized = await authorizeCredentials(Object.fromEntries(form), { headers: headersOf(headers) }, jar);
    const claims = await issueSessionClaims(db, { userId: authorized.id, authorized, provider: "credentials", context: authorized.context });
    const maxAge = authConfig.session.maxAge;
    const token = await authConfig.jwt.encode({ token: claims, secret, salt: names.session, maxAge });
    const cookie = { httpOnly: true, sameSite: "lax", path: "/", secure: names.secure } as const;
    jar.set(names.session, token, { ...cookie, expires: new Date(Date.now() + maxAge * 1000) });
    if (callback.changed) jar.set(names.callbackUrl, callback.url, cookie);
    return { location: callback.url, setCookies: jar.setCookies };
  } catch (error) {
    // A refusal keeps what the rules set on the way (a frozen account's status ticket), as Next.js would.
    if (error instanceof Refusal) return { location: `${origin}/sign-in?${new URLSearchParams({ error: "CredentialsSignin", code: error.code })}`, setCookies: jar.setCookies };
    console.error("[auth] credentials sign-in failed", error);
    return { location: `${origin}/sign-in?error=Configuration`, setCookies: [] };
  }
}

export type CsrfAnswer = { body: string; headers: Record<string, string>; setCookies: string[] };

/**
 * GET /api/auth/csrf as Auth.js answers it, without the framework round trip: the token of the browser's valid
 * CSRF cookie, or a new pair (32 random bytes in hex, the cookie "token|sha256(token + secret)"), and the
 * callback-url cookie Auth.js keeps. Null (Auth.js answers) for a query this would not read alike.
 */
export function answerCsrfRequest(config: Settings, headers: IncomingHttpHeaders, query: URLSearchParams): CsrfAnswer | null {
  const secret = config.AUTH_SECRET;
  if (!secret) return null;
  const names = cookieNames(config.APP_URL);
  const jar = headerCookieJar(headers.cookie);
  const callback = callbackUrlOf(query, jar, new URL(config.APP_URL).origin, names.callbackUrl);
  if (!callback) return null;
  const cookie = { httpOnly: true, sameSite: "lax", path: "/", secure: names.secure } as const;
  let token = csrfTokenOf(jar.get(names.csrf), secret);
  if (!token) {
    token = randomBytes(32).toString("hex");
    jar.set(names.csrf, `${token}|${csrfHash(token, secret)}`, cookie);
  }
  if (callback.changed) jar.set(names.callbackUrl, callback.url, cookie);
  return {
    body: JSON.stringify({ csrfToken: token }),
    headers: { "Content-Type": "application/json", "Cache-Control": "private, no-cache, no-store", Expires: "0", Pragma: "no-cache" },
    setCookies: jar.setCookies,
  };
}
