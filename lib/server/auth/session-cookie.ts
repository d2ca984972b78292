import "server-only";
import { cookies } from "next/headers";
import type { JWT } from "next-auth/jwt";
import { authConfig } from "@/auth.config";
import { getConfig } from "@/lib/config";
import { getAuthSecret } from "./auth-secret";

/** Auth.js's session cookie name: "__Secure-" prefixed when the site is served over https (see @auth/core's defaultCookies). */
export function sessionCookieName(): string {
  return `${getConfig().APP_URL.startsWith("https:") ? "__Secure-" : ""}authjs.session-token`;
}

/** The claims of this request's session cookie as Auth.js would read them, without asking the database; null if none or forged. */
export async function readSessionCookie(): Promise<JWT | null> {
  const name = sessionCookieName();
  const value = (await cookies()).get(name)?.value;
  if (!value) return null;
  return authConfig.jwt.decode({ token: value, secret: getAuthSecret(), salt: name }).catch(() => null);
}
