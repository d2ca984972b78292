import "server-only";
import type { Kysely, Transaction } from "kysely";
import type { Database, SessionEndReason } from "@/lib/db/schema";

type Ends = { userId: string; sessions: { id: string; expires_at: number }[]; reason: SessionEndReason; now: number };

/** Remembers why these sessions ended until they would have expired anyway, so their browsers can be told. */
export async function recordSessionEnds(db: Kysely<Database> | Transaction<Database>, { userId, sessions, reason, now }: Ends): Promise<void> {
  if (sessions.length === 0) return;
  await db
    .insertInto("ended_sessions")
    .values(sessions.map((s) => ({ session_id: s.id, user_id: userId, reason, ended_at: now, expires_at: Number(s.expires_at) })))
    .onConflict((oc) => oc.column("session_id").doNothing())
    .execute();
}
