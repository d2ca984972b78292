import "server-only";
import { isBrowserSessionToken } from "@/lib/session-token-marker";

const SESSION_COOKIE = /^\s*(?:__Secure-)?authjs\.session-token=([^;]*)/;
const EXPIRY_ATTRIBUTES = /;\s*(?:expires|max-age)=[^;]*/gi;

/**
 * One Set-Cookie value: a session cookie whose token says it ends with the browser loses Expires and Max-Age,
 * so the browser forgets it on close. Other cookies, persistent sessions and deletions pass unchanged.
 */
export function dropBrowserSessionExpiry(setCookie: string): string {
  const value = SESSION_COOKIE.exec(setCookie)?.[1];
  if (!value || !isBrowserSessionToken(value)) return setCookie;
  return setCookie.replace(EXPIRY_ATTRIBUTES, "");
}
