import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { hashToken } from "@/lib/server/tokens";

/** Does this browser's token belong to a live trust record of this account? Marks it used when it does. */
export async function isBrowserTrusted(db: Kysely<Database>, { userId, token, now = Date.now() }: { userId: string; token: string | null; now?: number }): Promise<boolean> {
  if (!token || token.length > 100) return false;
  const touched = await db
    .updateTable("trusted_browsers")
    .set({ last_used_at: now })
    .where("token_hash", "=", hashToken(token))
    .where("user_id", "=", userId)
    .where("expires_at", ">", now)
    .returning("id")
    .executeTakeFirst();
  return touched !== undefined;
}
