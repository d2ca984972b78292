import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { TransactionRow } from "./list-transactions";

/** One of this wallet's own records; another account's id finds nothing, exactly like an unknown one. */
export async function findTransaction(db: Kysely<Database>, { userId, id }: { userId: string; id: string }): Promise<TransactionRow | null> {
  const row = await db.selectFrom("transactions").selectAll().where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return row ?? null;
}
