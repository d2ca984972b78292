import "server-only";
import type { Kysely } from "kysely";
import { getDb } from "@/lib/db";
import type { Database, SessionEndReason } from "@/lib/db/schema";
import { readSessionCookie } from "./session-cookie";

/** Why this browser's session was ended from elsewhere, read from the database: never from the URL. */
export async function findEndedSession(now = Date.now()): Promise<SessionEndReason | null> {
  const sessionId = (await readSessionCookie())?.sessionId;
  if (typeof sessionId !== "string" || sessionId.length > 100) return null;
  return findEndReason(await getDb(), { sessionId, now });
}

/** The recorded reason, only while the session row is really gone (a live session was not ended). */
export async function findEndReason(db: Kysely<Database>, { sessionId, now }: { sessionId: string; now: number }): Promise<SessionEndReason | null> {
  const [live, ended] = await Promise.all([
    db.selectFrom("sessions").select("id").where("id", "=", sessionId).executeTakeFirst(),
    db.selectFrom("ended_sessions").select("reason").where("session_id", "=", sessionId).where("expires_at", ">", now).executeTakeFirst(),
  ]);
  return live || !ended ? null : ended.reason;
}
