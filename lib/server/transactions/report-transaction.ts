import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";
import { Refusal } from "@/lib/server/refusal";
import { findOpenTransactionCase } from "@/lib/server/support/find-open-transaction-case";
import { openSupportCase } from "@/lib/server/support/open-support-case";
import { findTransaction } from "./find-transaction";
import type { TransactionRow } from "./list-transactions";

type ReportInput = {
  userId: string;
  transactionId: string;
  /** What the user wrote; without it, `describe` words the case from the transaction (in the user's language). */
  note: string | null;
  describe: (transaction: TransactionRow) => string;
  context: RequestContext;
  now?: number;
};

/**
 * Opens a "suspicious transaction" case about one of the account's own transactions, audited. While a case about
 * it is still open, reporting again answers that case instead (`opened: false`); the unique index on open cases
 * decides, so parallel reports open exactly one.
 */
export async function reportTransaction(
  db: Kysely<Database>,
  { userId, transactionId, note, describe, context, now = Date.now() }: ReportInput,
): Promise<{ reference: string; opened: boolean }> {
  return db.transaction().execute(async (trx) => {
    const transaction = await findTransaction(trx, { userId, id: transactionId });
    if (!transaction) throw new Refusal("transaction_not_found");
    const body = note ?? describe(transaction);
    const opened = await openSupportCase(trx, { userId, category: "suspicious_transaction", body, transactionId, now });
    if (!opened) {
      const open = await findOpenTransactionCase(trx, { userId, transactionId });
      if (!open) throw new Error("a report was refused by no open case");
      return { reference: open.reference, opened: false };
    }
    await recordSecurityEvent(trx, { type: "transaction_reported", userId, context, detail: { case: opened.reference, transaction: transactionId }, now });
    return { reference: opened.reference, opened: true };
  });
}
