import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/auth.config";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";

// The database-free half of Auth.js: an optimistic check of the session cookie. Pages re-check against
// the sessions table, so a revoked session is turned away there even if its cookie still looks valid here.
const { auth } = NextAuth(authConfig);
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?=/;

const PROTECTED = [/^\/account(\/|$)/];
const RESET_PAGE = "/reset-password";
const SECOND_STEP_PAGE = "/sign-in/two-step";

const guard = auth((request) => {
  const { pathname, search } = request.nextUrl;
  const isAccountPage = PROTECTED.some((p) => p.test(pathname));
  // A reset-only session, or one that still owes a second step, opens no account page: it is sent where it can go
  // on. Public pages stay open to it (they grant nothing), so a spent cookie can never trap the browser.
  if (isAccountPage && request.auth?.purpose === "reset") {
    return NextResponse.redirect(new URL(RESET_PAGE, request.nextUrl.origin));
  }
  if (isAccountPage && request.auth?.purpose === "second_factor") {
    const step = new URL(SECOND_STEP_PAGE, request.nextUrl.origin);
    step.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(step);
  }
  if (isAccountPage && !request.auth?.user) {
    const signIn = new URL("/sign-in", request.nextUrl.origin);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // The reset page's URL may carry a token: never leak it to another site.
  if (pathname === RESET_PAGE) response.headers.set("Referrer-Policy", "no-referrer");
  return response;
});

/**
 * The guard, minus Auth.js's habit of sending the session cookie back with every page: a page request still in
 * flight with an older cookie would then overwrite the cookie of a sign-in that had just finished. The sessions
 * table decides how long a session lives, so the cookie never needs refreshing.
 */
export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const response = (await (guard as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>)(request, event));
  const kept = response.headers.getSetCookie().filter((cookie) => !SESSION_COOKIE.test(cookie));
  response.headers.delete("set-cookie");
  for (const cookie of kept) response.headers.append("set-cookie", cookie);
  return response;
}

export const config = {
  // Pages only: API routes answer JSON or redirects (their headers come from next.config.js); the icons,
  // manifest and robots.txt load for every visitor, a reset-only session included.
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|icon-192.png|icon-512.png|apple-touch-icon.png|manifest.webmanifest|robots.txt).*)",
  ],
};
