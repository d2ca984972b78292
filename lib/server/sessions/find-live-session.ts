import "server-only";
import type { Kysely } from "kysely";
import type { Database, Session } from "@/lib/db/schema";
import { hashSessionSecret, isSessionLive, SESSION_TOUCH_INTERVAL_MS } from "./session-policy";

/**
 * The session behind a cookie's secret, or null when it was revoked, expired or left idle too long
 * (a dead row is deleted). Refreshes last_seen_at at most once a minute.
 */
export async function findLiveSession(db: Kysely<Database>, secret: string, now = Date.now()): Promise<Session | null> {
  const row = await db.selectFrom("sessions").selectAll().where("token_hash", "=", hashSessionSecret(secret)).executeTakeFirst();
  if (!row) return null;
  if (!isSessionLive(row, now)) {
    await db.deleteFrom("sessions").where("id", "=", row.id).execute();
    return null;
  }
  if (now - row.last_seen_at >= SESSION_TOUCH_INTERVAL_MS) {
    await db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", row.id).execute();
    return { ...row, last_seen_at: now };
  }
  return row;
}
