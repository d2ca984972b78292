import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActivityFilters } from "@/components/account/activity/activity-filters";
import { TransactionList } from "@/components/account/activity/transaction-list";
import { Alert } from "@/components/ui/alert";
import { encodeTransactionCursor } from "@/lib/activity/transaction-cursor";
import { getDb } from "@/lib/db";
import { requireAccount } from "@/lib/server/auth/require-account";
import { listTransactionMonths } from "@/lib/server/transactions/list-transaction-months";
import { listTransactions } from "@/lib/server/transactions/list-transactions";
import { parseActivityFilters } from "@/lib/validation/activity";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActivityPage({ searchParams }: Props) {
  const { user } = await requireAccount("/account/activity");
  const { ignored, ...filters } = parseActivityFilters(await searchParams);
  const db = await getDb();
  const [months, page] = await Promise.all([listTransactionMonths(db, user.id), listTransactions(db, { userId: user.id, ...filters })]);
  const t = await getTranslations("activity");
  const keep = { ...(filters.month ? { month: filters.month } : {}), ...(filters.kind ? { kind: filters.kind } : {}) };
  const pageHref = (after?: string) => `/account/activity?${new URLSearchParams({ ...keep, ...(after ? { after } : {}) })}`;
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <p className="text-sm">
        <Link href="/account" className="text-brand-700 underline-offset-2 hover:underline">{t("back")}</Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-ink-muted">{t("intro")}</p>
      <Alert id="activity-message" tone="warning">{ignored ? t("ignored") : null}</Alert>
      <ActivityFilters months={months} month={filters.month} kind={filters.kind} />
      <TransactionList transactions={page.transactions} filtered={Boolean(filters.month || filters.kind)} />
      {filters.after || page.next ? (
        <nav aria-label={t("pagerLabel")} className="flex justify-between gap-4 text-sm font-medium">
          {filters.after ? <Link href={pageHref()} className="text-brand-700 underline-offset-2 hover:underline">{t("newest")}</Link> : <span />}
          {page.next ? <Link href={pageHref(encodeTransactionCursor(page.next))} className="text-brand-700 underline-offset-2 hover:underline">{t("older")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
