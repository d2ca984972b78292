import "server-only";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@/lib/db/schema";
import { hashSessionSecret } from "./session-policy";

/** Sign-out: the row goes, so the cookie is worthless even if it was copied. Returns the owner, if any. */
export async function endSession(db: Kysely<Database>, secret: string): Promise<string | null> {
  const row = await db.deleteFrom("sessions").where("token_hash", "=", hashSessionSecret(secret)).returning("user_id").executeTakeFirst();
  return row?.user_id ?? null;
}

/** Ends every session of an account (password change, freeze), optionally keeping one. */
export async function endAllSessions(db: Kysely<Database> | Transaction<Database>, userId: string, exceptSessionId?: string): Promise<number> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptSessionId) query = query.where("id", "!=", exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
