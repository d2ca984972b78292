import "server-only";
import { SqliteAdapter, type Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { FORGET_AFTER_MS } from "@/lib/server/lockout/pause-policy";
import { SESSION_IDLE_MS } from "@/lib/server/sessions/session-policy";
import { prunePastRetention } from "./prune-past-retention";

const DAY_MS = 86_400_000;

/** Auth.js writes `expires` as ISO text on SQLite and as a timestamp on PostgreSQL. */
export function adapterTime(db: Kysely<Database>, at: number): Date | string {
  return db.getExecutor().adapter instanceof SqliteAdapter ? new Date(at).toISOString() : new Date(at);
}

/**
 * Deletes what no rule can use any more: ended counter windows, forgotten failure counts, expired links,
 * codes and sessions, then settled messages and security events past their retention. Idempotent, so
 * every instance may run it. Returns the rows removed per table.
 */
export async function pruneExpired(db: Kysely<Database>, now = Date.now()): Promise<Record<string, number>> {
  const quiet = now - FORGET_AFTER_MS;
  const results = await Promise.all([
    db.deleteFrom("rate_counters").where("reset_at", "<=", now).executeTakeFirst(),
    db
      .deleteFrom("sign_in_failures")
      .where("last_failure_at", "<=", quiet)
      .where((eb) => eb.or([eb("paused_until", "is", null), eb("paused_until", "<=", quiet)]))
      .executeTakeFirst(),
    db.deleteFrom("verification_tokens").where("expires", "<=", adapterTime(db, now)).executeTakeFirst(),
    // Codes stay a day: the hourly sending cap counts the recent ones.
    db.deleteFrom("one_time_codes").where("created_at", "<=", now - DAY_MS).executeTakeFirst(),
    db.deleteFrom("unlock_tokens").where("expires_at", "<=", now).executeTakeFirst(),
    db.deleteFrom("webauthn_challenges").where("expires_at", "<=", now).executeTakeFirst(),
    db.deleteFrom("ended_sessions").where("expires_at", "<=", now).executeTakeFirst(),
    db.deleteFrom("not_me_tokens").where("expires_at", "<=", now).executeTakeFirst(),
    db
      .deleteFrom("sessions")
      .where((eb) => eb.or([eb("expires_at", "<=", now), eb.and([eb("persistent", "=", 0), eb("last_seen_at", "<=", now - SESSION_IDLE_MS)])]))
      .executeTakeFirst(),
  ]);
  const tables = ["rate_counters", "sign_in_failures", "verification_tokens", "one_time_codes", "unlock_tokens", "webauthn_challenges", "ended_sessions", "not_me_tokens", "sessions"];
  const retained = await prunePastRetention(db, now);
  return { ...Object.fromEntries(tables.map((t, i) => [t, Number(results[i].numDeletedRows)])), ...retained };
}
