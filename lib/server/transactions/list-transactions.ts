import "server-only";
import type { Kysely, Selectable } from "kysely";
import type { WalletMonth } from "@/lib/activity/wallet-month";
import { walletMonthRange } from "@/lib/activity/wallet-month";
import type { TransactionCursor } from "@/lib/activity/transaction-cursor";
import type { Database, TransactionKind, TransactionsTable } from "@/lib/db/schema";

export const TRANSACTIONS_PAGE_SIZE = 20;

export type TransactionRow = Selectable<TransactionsTable>;

type ListInput = { userId: string; month?: WalletMonth; kind?: TransactionKind; after?: TransactionCursor; limit?: number };

/**
 * One page of a wallet's records, newest first, optionally of one month (Beijing calendar) and one kind. Keyset
 * paging on (occurred_at, id) walks the (user_id[, kind], occurred_at) index, so a page costs the same however
 * long the history; `next` is where the following page starts, null on the last one.
 */
export async function listTransactions(
  db: Kysely<Database>,
  { userId, month, kind, after, limit = TRANSACTIONS_PAGE_SIZE }: ListInput,
): Promise<{ transactions: TransactionRow[]; next: TransactionCursor | null }> {
  let query = db.selectFrom("transactions").selectAll().where("user_id", "=", userId);
  if (kind) query = query.where("kind", "=", kind);
  if (month) {
    const { start, end } = walletMonthRange(month);
    query = query.where("occurred_at", ">=", start).where("occurred_at", "<", end);
  }
  if (after) {
    // The plain bound lets the index range start at the cursor; the OR breaks ties between equal times by id.
    query = query
      .where("occurred_at", "<=", after.occurredAt)
      .where((eb) => eb.or([eb("occurred_at", "<", after.occurredAt), eb("id", "<", after.id)]));
  }
  const rows = await query.orderBy("occurred_at", "desc").orderBy("id", "desc").limit(limit + 1).execute();
  const transactions = rows.slice(0, limit);
  const last = transactions.at(-1);
  return { transactions, next: rows.length > limit && last ? { occurredAt: Number(last.occurred_at), id: last.id } : null };
}
