import "server-only";
import type { Kysely } from "kysely";
import type { Database, OutboxChannel } from "@/lib/db/schema";
import type { OutboxMessage } from "./outbox-transport";

/** Ids of pending messages on `channel` that are due and held by no live claim, oldest due first. */
export async function findDueMessageIds(
  db: Kysely<Database>,
  { channel, now, limit }: { channel: OutboxChannel; now: number; limit: number },
): Promise<string[]> {
  const rows = await db
    .selectFrom("outbox")
    .select("id")
    .where("status", "=", "pending")
    .where("channel", "=", channel)
    .where("next_attempt_at", "<=", now)
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]))
    .orderBy("next_attempt_at")
    .orderBy("created_at")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Takes one message for `leaseMs` with a conditional update: when several workers race for it, the database
 * lets exactly one update match (PostgreSQL re-checks the condition after the row lock; SQLite writes one at
 * a time). Returns the message only to the winner.
 */
export async function claimOutboxMessage(
  db: Kysely<Database>,
  { id, token, now, leaseMs }: { id: string; token: string; now: number; leaseMs: number },
): Promise<OutboxMessage | undefined> {
  return db
    .updateTable("outbox")
    .set({ claim_token: token, claimed_until: now + leaseMs })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]))
    .returningAll()
    .executeTakeFirst();
}
