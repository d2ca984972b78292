import "server-only";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@/lib/db/schema";
import { newToken } from "@/lib/server/tokens";

export const UNLOCK_TOKEN_TTL_MS = 24 * 3_600_000;

/** A single-use "it was me — unlock" token for the owner's notice (24 h; stored hashed). */
export async function issueUnlockToken(db: Kysely<Database> | Transaction<Database>, userId: string, now: number): Promise<string> {
  const { token, hash } = newToken();
  await db.insertInto("unlock_tokens").values({ token_hash: hash, user_id: userId, created_at: now, expires_at: now + UNLOCK_TOKEN_TTL_MS, used_at: null }).execute();
  return token;
}
