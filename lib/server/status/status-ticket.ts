import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "@/lib/server/auth/auth-secret";

export const STATUS_TICKET_COOKIE = "qn-status";
export const STATUS_TICKET_TTL_MS = 15 * 60_000;

function sign(payload: string): string {
  return createHmac("sha256", getAuthSecret()).update(`status-ticket:${payload}`).digest("base64url");
}

/** "userId.expiry.signature": proof, for 15 minutes, that this browser showed ownership of the account. */
export function createStatusTicket(userId: string, now: number): string {
  const payload = `${userId}.${now + STATUS_TICKET_TTL_MS}`;
  return `${payload}.${sign(payload)}`;
}

export function readStatusTicket(ticket: string | undefined, now: number): string | null {
  const [userId, expires, signature] = ticket?.split(".") ?? [];
  if (!userId || !expires || !signature || Number(expires) <= now) return null;
  const expected = Buffer.from(sign(`${userId}.${expires}`));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}

