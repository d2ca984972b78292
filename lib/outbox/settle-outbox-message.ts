import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { OutboxMessage } from "./outbox-transport";

type Claimed = { message: OutboxMessage; token: string; now: number };

// Both updates match only while our claim stands, so a worker whose lease ran out never overwrites the
// outcome recorded by the worker that took the message over. Settling clears the secrets in the same
// update: a sent or abandoned message keeps only its slots.

/** The provider accepted the message: it is done. */
export async function markOutboxSent(db: Kysely<Database>, { message, token, now }: Claimed): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ status: "sent", sent_at: now, settled_at: now, secrets: null, attempts: message.attempts + 1, claimed_until: null, claim_token: null })
    .where("id", "=", message.id)
    .where("claim_token", "=", token)
    .execute();
}

type Failure = Claimed & { error: string; retryDelayMs: number; maxAttempts: number; giveUp?: boolean };

/** The send failed: try again after `retryDelayMs`, or give up once `maxAttempts` tries have failed (or at once with `giveUp`). */
export async function recordOutboxFailure(
  db: Kysely<Database>,
  { message, token, now, error, retryDelayMs, maxAttempts, giveUp = false }: Failure,
): Promise<void> {
  const attempts = message.attempts + 1;
  const failed = giveUp || attempts >= maxAttempts;
  await db
    .updateTable("outbox")
    .set({
      status: failed ? "failed" : "pending",
      attempts,
      next_attempt_at: now + retryDelayMs,
      last_error: error,
      claimed_until: null,
      claim_token: null,
      ...(failed ? { settled_at: now, secrets: null } : {}),
    })
    .where("id", "=", message.id)
    .where("claim_token", "=", token)
    .execute();
}
