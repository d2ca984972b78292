import "server-only";
import { DEVICE_COOKIE } from "@/lib/server/devices/device-cookie";
import { STATUS_TICKET_COOKIE } from "@/lib/server/status/status-ticket";
import { TRUSTED_BROWSER_COOKIE } from "@/lib/server/two-step/trusted-browser-cookie";

// Auth.js's own cookies (see @auth/core's defaultCookies): the csrf token takes __Host- on https, the others __Secure-.
const AUTH_COOKIES = ["authjs.session-token", "authjs.csrf-token", "authjs.callback-url", "authjs.pkce.code_verifier", "authjs.state", "authjs.nonce", "authjs.challenge"];
const OWN_COOKIES = [DEVICE_COOKIE, TRUSTED_BROWSER_COOKIE, STATUS_TICKET_COOKIE];
// A session token too big for one cookie is split into "authjs.session-token.0", ".1" …
const SESSION_CHUNK = /^(?:__Secure-)?authjs\.session-token\.\d+$/;

/**
 * Every cookie of the portal a browser may hold, in each form Auth.js writes it, plus the session chunks this
 * browser sent: what "repair this browser" expires for browsers that ignore Clear-Site-Data.
 */
export function listPortalCookies(sentNames: readonly string[]): string[] {
  const auth = AUTH_COOKIES.flatMap((name) => [name, `__Secure-${name}`, `__Host-${name}`]);
  const chunks = sentNames.filter((name) => SESSION_CHUNK.test(name));
  return [...new Set([...auth, ...OWN_COOKIES, ...chunks])];
}
