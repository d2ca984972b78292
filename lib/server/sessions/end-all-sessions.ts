import "server-only";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@/lib/db/schema";

/**
 * Ends every session of an account (password change or reset, freeze), optionally keeping one, and every browser
 * trusted to skip the second step: whoever got past it once must prove it again.
 */
export async function endAllSessions(db: Kysely<Database> | Transaction<Database>, userId: string, exceptSessionId?: string): Promise<number> {
  await db.deleteFrom("trusted_browsers").where("user_id", "=", userId).execute();
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptSessionId) query = query.where("id", "!=", exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
