import "server-only";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@/lib/db/schema";
import { hashToken, newToken } from "@/lib/server/tokens";

/** A "this was not me" link works once, for 7 days. */
export const NOT_ME_TTL_MS = 7 * 86_400_000;

/** A new "this was not me" token for an alert of this account (stored hashed); the caller puts it in a secret slot. */
export async function issueNotMeToken(db: Kysely<Database> | Transaction<Database>, { userId, alert, now }: { userId: string; alert: string; now: number }): Promise<string> {
  const { token, hash } = newToken();
  await db.insertInto("not_me_tokens").values({ token_hash: hash, user_id: userId, alert, created_at: now, expires_at: now + NOT_ME_TTL_MS, used_at: null }).execute();
  return token;
}

/** Whose unspent, unexpired token this is (without spending it): the confirmation page shows what will happen. */
export async function peekNotMeToken(db: Kysely<Database>, token: string, now: number): Promise<{ userId: string; alert: string } | null> {
  const row = await db
    .selectFrom("not_me_tokens")
    .select(["user_id", "alert"])
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row ? { userId: row.user_id, alert: row.alert } : null;
}

/** Spends the token in one atomic step (of simultaneous redemptions exactly one wins); null when spent, expired or unknown. */
export async function spendNotMeToken(db: Kysely<Database> | Transaction<Database>, token: string, now: number): Promise<{ userId: string; alert: string } | null> {
  const row = await db
    .updateTable("not_me_tokens")
    .set({ used_at: now })
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning(["user_id", "alert"])
    .executeTakeFirst();
  return row ? { userId: row.user_id, alert: row.alert } : null;
}
