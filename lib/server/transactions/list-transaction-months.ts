import "server-only";
import { sql, type Kysely } from "kysely";
import { previousWalletMonth, walletMonthOf, walletMonthRange, type WalletMonth } from "@/lib/activity/wallet-month";
import type { Database } from "@/lib/db/schema";

/** How far back the month filter reaches: five years of months at most. */
export const MAX_FILTER_MONTHS = 60;

/**
 * The months (Beijing calendar, newest first) in which the wallet has records. One indexed probe per candidate
 * month between the newest and the oldest record, never a scan of the rows: the cost follows the months, not the
 * history's length.
 */
export async function listTransactionMonths(db: Kysely<Database>, userId: string): Promise<WalletMonth[]> {
  // Two index seeks (newest, oldest); min()/max() with a WHERE may read the whole range on SQLite.
  const edge = (direction: "asc" | "desc") =>
    db.selectFrom("transactions").select("occurred_at").where("user_id", "=", userId).orderBy("occurred_at", direction).limit(1);
  const bounds = await db.selectNoFrom([edge("desc").as("newest"), edge("asc").as("oldest")]).executeTakeFirstOrThrow();
  if (bounds.newest == null || bounds.oldest == null) return [];
  const oldest = walletMonthOf(Number(bounds.oldest));
  const candidates: WalletMonth[] = [walletMonthOf(Number(bounds.newest))];
  while (candidates.at(-1)! > oldest && candidates.length < MAX_FILTER_MONTHS) candidates.push(previousWalletMonth(candidates.at(-1)!));
  if (candidates.length === 1) return candidates;
  const probes = candidates.map((month, i) => {
    const { start, end } = walletMonthRange(month);
    const exists = db.selectFrom("transactions").select(sql.lit(1).as("one")).where("user_id", "=", userId).where("occurred_at", ">=", start).where("occurred_at", "<", end);
    return sql`case when exists ${exists} then 1 else 0 end`.as(`m${i}`);
  });
  const found = (await db.selectNoFrom(probes).executeTakeFirstOrThrow()) as Record<string, number | string>;
  return candidates.filter((_, i) => Number(found[`m${i}`]) === 1);
}
