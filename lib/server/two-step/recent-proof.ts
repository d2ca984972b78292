import "server-only";
import type { Session } from "@/lib/db/schema";
import { Refusal } from "@/lib/server/refusal";

/** Sign-in methods change only within 10 minutes of proving the password or a second factor in this session. */
export const RECENT_PROOF_MS = 10 * 60_000;

export function hasRecentProof(session: Pick<Session, "proved_at">, now = Date.now()): boolean {
  return session.proved_at !== null && now - Number(session.proved_at) < RECENT_PROOF_MS;
}

/** Refuses ("reauth_required") unless this session proved itself within the last 10 minutes. */
export function requireRecentProof(session: Pick<Session, "proved_at">, now = Date.now()): void {
  if (!hasRecentProof(session, now)) throw new Refusal("reauth_required");
}

