import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/auth.config";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";

// The database-free half of Auth.js: an optimistic check of the session cookie. Pages re-check against
// the sessions table, so a revoked session is turned away there even if its cookie still looks valid here.
const { auth } = NextAuth(authConfig);

const PROTECTED = [/^\/account(\/|$)/];
const RESET_PAGE = "/reset-password";
// Where a reset-only cookie may still go: the reset itself, or a fresh start. Its record may already be spent (the
// password was set) while a late response put the cookie back; pages treat such a cookie as signed out.
const RESET_MAY_VISIT = new Set([RESET_PAGE, "/forgot-password", "/sign-in"]);
const SECOND_STEP_PAGE = "/sign-in/two-step";
const SECOND_STEP_MAY_VISIT = new Set([SECOND_STEP_PAGE, "/sign-in", "/forgot-password", "/help", "/support"]);

export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  // A reset-only session (email link or SMS code) may set a password and do nothing else (pages check it again).
  if (request.auth?.purpose === "reset" && !RESET_MAY_VISIT.has(pathname)) {
    return NextResponse.redirect(new URL(RESET_PAGE, request.nextUrl.origin));
  }
  // A second step is owed: nothing opens until it is given (pages check it again).
  if (request.auth?.purpose === "second_factor" && !SECOND_STEP_MAY_VISIT.has(pathname)) {
    const step = new URL(SECOND_STEP_PAGE, request.nextUrl.origin);
    if (PROTECTED.some((p) => p.test(pathname))) step.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(step);
  }
  if (PROTECTED.some((p) => p.test(pathname)) && !request.auth?.user) {
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

export const config = {
  // Pages only: API routes answer JSON or redirects (their headers come from next.config.js); the icons,
  // manifest and robots.txt load for every visitor, a reset-only session included.
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|icon-192.png|icon-512.png|apple-touch-icon.png|manifest.webmanifest|robots.txt).*)",
  ],
};
