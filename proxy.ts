import { NextResponse, type NextRequest } from "next/server";
import type { JWT } from "next-auth/jwt";
import { authConfig } from "@/auth.config";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/**
 * An optimistic read of the session cookie, without the database: pages re-check against the sessions table, so a
 * revoked session is turned away there even if its cookie still looks valid here. Read, never written back: Auth.js's
 * own proxy wrapper re-sends the cookie with every page, and a page request still in flight with the old cookie
 * could then overwrite the cookie of a sign-in that had just finished. The sessions table decides lifetimes anyway.
 */
async function readSessionClaims(request: NextRequest): Promise<JWT | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  for (const name of SESSION_COOKIES) {
    const value = request.cookies.get(name)?.value;
    if (!value) continue;
    const claims = await authConfig.jwt.decode({ token: value, secret, salt: name }).catch(() => null);
    if (claims) return claims;
  }
  return null;
}

const PROTECTED = [/^\/account(\/|$)/];
const RESET_PAGE = "/reset-password";
const SECOND_STEP_PAGE = "/sign-in/two-step";

export default async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const claims = await readSessionClaims(request);
  const isAccountPage = PROTECTED.some((p) => p.test(pathname));
  // A reset-only session, or one that still owes a second step, opens no account page: it is sent where it can go
  // on. Public pages stay open to it (they grant nothing), so a spent cookie can never trap the browser.
  if (isAccountPage && claims?.purpose === "reset") {
    return NextResponse.redirect(new URL(RESET_PAGE, request.nextUrl.origin));
  }
  if (isAccountPage && claims?.purpose === "second_factor") {
    const step = new URL(SECOND_STEP_PAGE, request.nextUrl.origin);
    step.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(step);
  }
  if (isAccountPage && !claims?.sub) {
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
}

export const config = {
  // Pages only: API routes answer JSON or redirects (their headers come from next.config.js); the icons,
  // manifest and robots.txt load for every visitor, a reset-only session included.
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|icon-192.png|icon-512.png|apple-touch-icon.png|manifest.webmanifest|robots.txt).*)",
  ],
};
