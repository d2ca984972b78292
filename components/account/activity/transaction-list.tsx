import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { WalletTime } from "@/components/ui/wallet-time";
import { formatAmount } from "@/lib/activity/format-amount";
import type { Selectable } from "kysely";
import type { TransactionsTable } from "@/lib/db/schema";

/** One page of records; each row opens its detail view. */
export function TransactionList({ transactions, filtered }: { transactions: Selectable<TransactionsTable>[]; filtered: boolean }) {
  const t = useTranslations("activity");
  const tk = useTranslations("account.kind");
  const format = useFormatter();
  if (transactions.length === 0) return <p className="rounded-xl bg-white p-5 text-ink-muted shadow-sm ring-1 ring-slate-200">{filtered ? t("empty") : t("emptyAll")}</p>;
  return (
    <ul aria-label={t("listLabel")} className="divide-y divide-slate-100 rounded-xl bg-white px-5 shadow-sm ring-1 ring-slate-200" data-testid="transactions">
      {transactions.map((tx) => {
        const amount = formatAmount(format, tx.amount_cents, tx.currency);
        return (
          <li key={tx.id}>
            <Link
              href={`/account/activity/${encodeURIComponent(tx.id)}`}
              aria-label={t("open", { kind: tk(tx.kind), amount, counterparty: tx.counterparty })}
              className="-mx-2 flex items-center justify-between gap-3 rounded-lg px-2 py-3 hover:bg-slate-50"
            >
              <span className="min-w-0">
                <span className="block truncate">{tx.counterparty}</span>
                <span className="block text-sm text-ink-muted">
                  {tk(tx.kind)} · <WalletTime at={tx.occurred_at} />
                </span>
              </span>
              <span className={`shrink-0 tabular-nums ${tx.amount_cents < 0 ? "text-ink" : "text-green-800"}`}>{amount}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
