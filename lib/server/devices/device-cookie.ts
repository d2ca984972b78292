import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { getConfig } from "@/lib/config";
import { getAuthSecret } from "@/lib/server/auth/auth-secret";
import { requestCookieJar, type CookieJar } from "@/lib/server/http/cookie-jar";

/** The cookie that tells one browser from another across sign-ins: a random id, never stored as such. */
export const DEVICE_COOKIE = "qn-device";
/** The longest a browser keeps a cookie (Chrome caps at 400 days); renewed at every sign-in. */
export const DEVICE_COOKIE_MS = 400 * 86_400_000;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Keyed hash of a device id: a leaked table cannot be matched against the cookies it came from. */
export function hashDeviceToken(token: string): string {
  return createHmac("sha256", getAuthSecret()).update(`device:${token}`).digest("base64url");
}

/** This browser's device id (a new one when it has none, or one this server did not make), renewed for 400 days. */
export async function deviceTokenOfThisBrowser(jar?: CookieJar): Promise<string> {
  jar ??= await requestCookieJar();
  const held = jar.get(DEVICE_COOKIE);
  const token = held && TOKEN.test(held) ? held : randomBytes(32).toString("base64url");
  jar.set(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: getConfig().APP_URL.startsWith("https:"),
    path: "/",
    maxAge: DEVICE_COOKIE_MS / 1000,
  });
  return token;
}
