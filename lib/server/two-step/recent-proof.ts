import "server-only";
import type { Kysely } from "kysely";
import type { Database, Session } from "@/lib/db/schema";
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

/** This session just proved the password or a second factor again. */
export async function recordProof(db: Kysely<Database>, sessionId: string, now = Date.now()): Promise<void> {
  await db.updateTable("sessions").set({ proved_at: now }).where("id", "=", sessionId).execute();
}
