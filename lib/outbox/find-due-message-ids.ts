import "server-only";
import type { Kysely } from "kysely";
import type { Database, OutboxChannel } from "@/lib/db/schema";

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
