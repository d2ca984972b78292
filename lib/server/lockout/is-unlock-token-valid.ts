import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { hashToken } from "@/lib/server/tokens";

/** Is this unlock link still good (unused, unexpired)? Looking never uses it up. */
export async function isUnlockTokenValid(db: Kysely<Database>, token: string, now = Date.now()): Promise<boolean> {
  const row = await db
    .selectFrom("unlock_tokens")
    .select("user_id")
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Boolean(row);
}
