import "server-only";
// Server only (argon2, database): a new password may not be any of the last 5.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, Millis } from "@/lib/db/schema";
import { verifyPassword } from "./argon2";

/** How many previous passwords are kept and refused, besides the current one. */
export const PASSWORD_HISTORY_SIZE = 5;

/** Whether `password` is the current password or one of the previous five. */
export async function isRecentPassword(
  db: Kysely<Database>,
  userId: string,
  password: string,
  currentHash: string | null,
): Promise<boolean> {
  const rows = await db
    .selectFrom("password_history")
    .select("password_hash")
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(PASSWORD_HISTORY_SIZE)
    .execute();
  const hashes = [currentHash, ...rows.map((r) => r.password_hash)].filter((h): h is string => !!h);
  // argon2 verifies run on libuv's thread pool, so checking all six at once costs about one verify of latency.
  const matches = await Promise.all(hashes.map((h) => verifyPassword(h, password)));
  return matches.includes(true);
}

/**
 * Call in the transaction that replaces the password: keeps the outgoing hash and forgets all but the newest five.
 * An account that had no password (email sign-in only) has nothing to keep.
 */
export async function recordPasswordHistory(trx: Kysely<Database>, userId: string, oldHash: string | null, now: Millis): Promise<void> {
  if (!oldHash) return;
  await trx.insertInto("password_history").values({ id: randomUUID(), user_id: userId, password_hash: oldHash, created_at: now }).execute();
  const keep = await trx
    .selectFrom("password_history")
    .select("id")
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(PASSWORD_HISTORY_SIZE)
    .execute();
  await trx
    .deleteFrom("password_history")
    .where("user_id", "=", userId)
    .where("id", "not in", keep.map((r) => r.id))
    .execute();
}
