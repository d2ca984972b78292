import "server-only";
import { createHash, randomBytes } from "node:crypto";

// A session ends after 30 min idle or 12 h in all; "keep me signed in" makes it 30 days.
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000;
export const SESSION_PERSISTENT_MS = 30 * 86_400_000;
/** A reset-only session (after the email link or SMS code) is for setting a password now, not later. */
export const RESET_SESSION_MS = 15 * 60_000;
/** Between a right password and the second factor: five minutes, and good for nothing else. */
export const SECOND_STEP_SESSION_MS = 5 * 60_000;
/** last_seen_at is written at most this often, so reading a session is not a write per request. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export function newSessionSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The database keeps only a hash: its rows cannot be replayed as session cookies. */
export function hashSessionSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

export function isSessionLive(row: { persistent: number; last_seen_at: number; expires_at: number }, now: number): boolean {
  if (now >= row.expires_at) return false;
  return row.persistent === 1 || now - row.last_seen_at < SESSION_IDLE_MS;
}
