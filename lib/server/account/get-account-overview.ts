import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

/** Balance (sum of every movement) and the latest movements of one wallet. */
export async function getAccountOverview(db: Kysely<Database>, userId: string, recent = 5) {
  const [totals, transactions] = await Promise.all([
    db
      .selectFrom("transactions")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("amount_cents"), eb.lit(0)).as("balance"))
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow(),
    db.selectFrom("transactions").selectAll().where("user_id", "=", userId).orderBy("occurred_at", "desc").limit(recent).execute(),
  ]);
  return { balanceCents: Number(totals.balance), transactions };
}
