import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CaseReference } from "@/components/account/activity/case-reference";
import { ReportTransactionForm } from "@/components/account/activity/report-transaction-form";
import { WalletTime } from "@/components/ui/wallet-time";
import { formatAmount } from "@/lib/activity/format-amount";
import { getDb } from "@/lib/db";
import { requireAccount } from "@/lib/server/auth/require-account";
import { findOpenTransactionCase } from "@/lib/server/support/find-open-transaction-case";
import { findTransaction } from "@/lib/server/transactions/find-transaction";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity.detail"))("title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function TransactionPage({ params }: Props) {
  const { id } = await params;
  const { user } = await requireAccount(`/account/activity/${encodeURIComponent(id)}`);
  const db = await getDb();
  // Someone else's transaction is "not found", exactly like one that does not exist.
  const transaction = await findTransaction(db, { userId: user.id, id });
  if (!transaction) notFound();
  const openCase = await findOpenTransactionCase(db, { userId: user.id, transactionId: transaction.id });
  const [t, tr, tk, format] = [await getTranslations("activity.detail"), await getTranslations("activity.report"), await getTranslations("account.kind"), await getFormatter()];
  const rows: [string, React.ReactNode][] = [
    [t("kind"), tk(transaction.kind)],
    [t("counterparty"), transaction.counterparty],
    [t("time"), <WalletTime key="time" at={transaction.occurred_at} />],
    [t("number"), <span key="number" className="font-mono text-sm break-all">{transaction.id}</span>],
  ];
  return (
    <div className="mx-auto max-w-form space-y-5">
      <p className="text-sm">
        <Link href="/account/activity" className="text-brand-700 underline-offset-2 hover:underline">{t("back")}</Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <section aria-labelledby="transaction-amount" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h2 id="transaction-amount" className="text-sm text-ink-muted">{t("amount")}</h2>
        <p className={`mt-1 text-3xl font-semibold tabular-nums ${transaction.amount_cents < 0 ? "text-ink" : "text-green-800"}`} data-testid="amount">
          {formatAmount(format, transaction.amount_cents, transaction.currency)}
        </p>
        <dl className="mt-5 space-y-3 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="grid gap-1 sm:grid-cols-[10rem_1fr]">
              <dt className="text-ink-muted">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="report" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h2 id="report" className="mb-1 font-medium">{tr("heading")}</h2>
        <p className="mb-5 text-sm text-ink-muted">{tr("intro")}</p>
        {openCase ? <CaseReference reference={openCase.reference} alreadyOpen /> : <ReportTransactionForm transactionId={transaction.id} />}
      </section>
    </div>
  );
}
