// Plain HTTP helpers for the Auth.js endpoints (fetch with manual redirects, cookies by hand).

export const DEMO_IDENTIFIER = "demo@qianneng.test";
export const DEMO_PASSWORD = "Qianneng#2026";
/** Seeded paused for about 2 h (lib/db/seed.ts): refused before any hash while the pause lasts. */
export const PAUSED_IDENTIFIER = "paused@qianneng.test";
export const CREDENTIALS_PATH = "/api/auth/callback/credentials";
/** The second step of a sign-in (app code, SMS code, backup code or passkey) after a right password. */
export const TWO_STEP_PATH = "/api/auth/callback/two-step";

/** A CSRF token and the cookie header that goes with it; the pair can be reused for many POSTs. */
export type CsrfPair = { token: string; cookie: string };

/**
 * The Cookie header a browser would send back: the last Set-Cookie of each name wins. (GET /api/auth/csrf
 * answers with two authjs.csrf-token cookies, one from proxy.ts and one from the route; only the last matches.)
 * `sent` is the Cookie header sent with the request, kept for the names the response did not set.
 */
export function cookieHeader(setCookies: string[], sent = ""): string {
  const jar = new Map<string, string>();
  for (const setCookie of [...(sent ? sent.split("; ") : []), ...setCookies]) {
    const pair = setCookie.split(";")[0];
    const name = pair.slice(0, pair.indexOf("="));
    if (/;\s*max-age=0/i.test(setCookie)) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join("; ");
}

export async function fetchCsrf(baseUrl: string): Promise<CsrfPair> {
  const response = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(10_000) });
  if (response.status !== 200) throw new Error(`GET /api/auth/csrf → ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken?: string };
  const cookie = cookieHeader(response.headers.getSetCookie());
  if (!csrfToken || !cookie.includes("csrf-token")) throw new Error("GET /api/auth/csrf gave no token or no csrf cookie");
  return { token: csrfToken, cookie };
}

/**
 * The form body. callbackUrl=/account is what the sign-in form sends; without it Auth.js redirects to its
 * callback-url cookie (the bare origin), so success could not be told from the Location header.
 */
export function signInForm(identifier: string, password: string, csrf: CsrfPair): string {
  return new URLSearchParams({ identifier, password, csrfToken: csrf.token, callbackUrl: "/account" }).toString();
}

export function formHeaders(csrf: CsrfPair): Record<string, string> {
  return { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie };
}

/** A successful credentials sign-in: 302 to the account page. */
export function isSignedIn(status: number, location: string | undefined): boolean {
  return status === 302 && location !== undefined && /\/account$/.test(location);
}

/** A refused sign-in with the "wrong identifier or password" code. */
export function isInvalidCredentials(status: number, location: string | undefined): boolean {
  return status === 302 && location !== undefined && location.includes("code=invalid_credentials");
}

/** A sign-in refused because the identifier is paused, whatever the password. */
export function isPausedRefusal(status: number, location: string | undefined): boolean {
  return status === 302 && location !== undefined && location.includes("code=sign_in_paused");
}

export type TimedResponse = { status: number; location?: string; ms: number };

/** POSTs a sign-in and measures the time to the complete response. */
export async function timedSignIn(baseUrl: string, body: string, csrf: CsrfPair): Promise<TimedResponse> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${CREDENTIALS_PATH}`, {
    method: "POST",
    headers: formHeaders(csrf),
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  return { status: response.status, location: response.headers.get("location") ?? undefined, ms };
}

/** Case-insensitive header lookup in autocannon's header object. */
export function headerValue(headers: Record<string, string | string[]>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
