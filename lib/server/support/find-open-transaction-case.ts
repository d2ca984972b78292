import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

/** The case not yet closed that this account opened about one of its transactions, if any. */
export async function findOpenTransactionCase(db: Kysely<Database>, { userId, transactionId }: { userId: string; transactionId: string }): Promise<{ reference: string } | null> {
  const row = await db
    .selectFrom("support_tickets")
    .select("reference")
    .where("transaction_id", "=", transactionId)
    .where("user_id", "=", userId)
    .where("status", "<>", "closed")
    .executeTakeFirst();
  return row ?? null;
}
