import "server-only";
import { cookies } from "next/headers";
import { getConfig } from "@/lib/config";
import { createStatusTicket, STATUS_TICKET_COOKIE, STATUS_TICKET_TTL_MS } from "./status-ticket";

/** Gives this browser a status ticket (after a full sign-in of a frozen account, or a verified code). */
export async function grantStatusTicket(userId: string, now = Date.now()): Promise<void> {
  const secure = getConfig().APP_URL.startsWith("https:");
  (await cookies()).set(STATUS_TICKET_COOKIE, createStatusTicket(userId, now), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: STATUS_TICKET_TTL_MS / 1000,
  });
}
