import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { WalletMonth } from "@/lib/activity/wallet-month";
import type { TransactionKind } from "@/lib/db/schema";
import { formatWalletMonth } from "@/lib/format-wallet-time";
import { TRANSACTION_KINDS } from "@/lib/validation/activity";

const selectClass = "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm";

/** A plain GET form: filtering works before JavaScript loads, and the address can be bookmarked. */
export function ActivityFilters({ months, month, kind }: { months: WalletMonth[]; month?: WalletMonth; kind?: TransactionKind }) {
  const t = useTranslations("activity");
  const tk = useTranslations("account.kind");
  const locale = useLocale();
  return (
    <form method="get" action="/account/activity" aria-label={t("filtersLabel")} className="grid gap-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <div className="space-y-1.5">
        <label htmlFor="filter-month" className="block text-sm font-medium">{t("month")}</label>
        <select id="filter-month" name="month" defaultValue={month ?? ""} className={selectClass}>
          <option value="">{t("allMonths")}</option>
          {months.map((m) => (
            <option key={m} value={m}>{formatWalletMonth(m, locale)}</option>
          ))}
        </select>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="filter-kind" className="block text-sm font-medium">{t("kind")}</label>
        <select id="filter-kind" name="kind" defaultValue={kind ?? ""} className={selectClass}>
          <option value="">{t("allKinds")}</option>
          {TRANSACTION_KINDS.map((k) => (
            <option key={k} value={k}>{tk(k)}</option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700">{t("apply")}</button>
        {month || kind ? (
          <Link href="/account/activity" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t("clear")}</Link>
        ) : null}
      </div>
    </form>
  );
}
