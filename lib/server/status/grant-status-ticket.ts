import "server-only";
import { getConfig } from "@/lib/config";
import { requestCookieJar, type CookieJar } from "@/lib/server/http/cookie-jar";
import { createStatusTicket, STATUS_TICKET_COOKIE, STATUS_TICKET_TTL_MS } from "./status-ticket";

/** Gives this browser a status ticket (after a full sign-in of a frozen account, or a verified code). */
export async function grantStatusTicket(userId: string, now = Date.now(), jar?: CookieJar): Promise<void> {
  const secure = getConfig().APP_URL.startsWith("https:");
  (jar ?? (await requestCookieJar())).set(STATUS_TICKET_COOKIE, createStatusTicket(userId, now), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: STATUS_TICKET_TTL_MS / 1000,
  });
}
