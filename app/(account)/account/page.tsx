import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { getDb } from "@/lib/db";
import { formatWalletDate, formatWalletTime } from "@/lib/format-wallet-time";
import { describeDevice, maskIp } from "@/lib/describe-device";
import { maskEmail, maskMobile } from "@/lib/identifier/mask-identifier";
import { getAccountOverview } from "@/lib/server/account/get-account-overview";
import { requireAccount } from "@/lib/server/auth/require-account";
import { signOutAction } from "@/lib/actions/sign-out";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("accountTitle") };
}

export default async function AccountPage() {
  const { user, session } = await requireAccount("/account");
  const { balanceCents, transactions } = await getAccountOverview(await getDb(), user.id);
  const t = await getTranslations("account");
  const format = await getFormatter();
  const locale = await getLocale();
  const money = (cents: number) => format.number(cents / 100, { style: "currency", currency: "CNY" });
  const device = describeDevice(session.user_agent);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("heading", { name: user.name })}</h1>

      <section aria-labelledby="overview" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="overview" className="sr-only">{t("overview")}</h2>
        <p className="text-sm text-ink-muted">{t("balance")}</p>
        <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="balance">{money(balanceCents)}</p>
        <dl className="mt-5 grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-ink-muted">{t("email")}</dt>
            <dd data-testid="masked-email">{user.email ? maskEmail(user.email) : t("notSet")}</dd>
          </div>
          <div>
            <dt className="text-ink-muted">{t("mobile")}</dt>
            <dd data-testid="masked-mobile">{user.mobile ? maskMobile(user.mobile) : t("notSet")}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="device" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="device" className="font-medium">{t("thisDevice")}</h2>
        <p className="mt-2" data-testid="this-device">{device ? t("deviceSummary", device) : t("unknownDevice")}</p>
        <p className="mt-1 text-sm text-ink-muted">
          {t("signedInAt", { time: formatWalletTime(session.created_at, locale) })}
          {session.ip ? ` · ${t("fromIp", { ip: maskIp(session.ip) ?? "" })}` : null}
        </p>
      </section>

      <section aria-labelledby="recent" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="recent" className="font-medium">{t("recent")}</h2>
        {transactions.length === 0 ? (
          <p className="mt-2 text-ink-muted">{t("noTransactions")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {transactions.map((tx) => (
              <li key={tx.id} className="flex items-center justify-between gap-3 py-2.5">
                <div className="min-w-0">
                  <p className="truncate">{tx.counterparty}</p>
                  <p className="text-sm text-ink-muted">
                    {t(`kind.${tx.kind}`)} · {formatWalletDate(tx.occurred_at, locale)}
                  </p>
                </div>
                <p className={`shrink-0 tabular-nums ${tx.amount_cents < 0 ? "text-ink" : "text-green-800"}`}>
                  {tx.amount_cents > 0 ? "+" : ""}
                  {money(tx.amount_cents)}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-sm">
          <Link href="/account/activity" className="font-medium text-brand-700 underline-offset-2 hover:underline">{t("allTransactions")}</Link>
        </p>
      </section>

      <p className="flex flex-wrap gap-x-6 gap-y-2">
        <Link href="/account/security" className="font-medium text-brand-700 underline-offset-2 hover:underline">{t("security")}</Link>
        <Link href="/account/freeze" className="font-medium text-brand-700 underline-offset-2 hover:underline">{t("freezeLink")}</Link>
      </p>

      <form action={signOutAction} className="max-w-form">
        <Button type="submit" variant="secondary">{t("signOut")}</Button>
      </form>
    </div>
  );
}
