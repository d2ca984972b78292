import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { OutboxMessage } from "./outbox-transport";

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
