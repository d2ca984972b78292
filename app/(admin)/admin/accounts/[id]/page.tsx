import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AgentChangeForm } from "@/components/admin/agent-change-form";
import { HistoryList } from "@/components/account/history/history-list";
import { WalletTime } from "@/components/ui/wallet-time";
import { getDb } from "@/lib/db";
import { describeAccountForAgent } from "@/lib/server/agent/describe-account-for-agent";
import { requireAgent } from "@/lib/server/agent/require-agent";
import { getCounterStore } from "@/lib/server/counters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { user: agent } = await requireAgent();
  const { id } = await params;
  const account = await describeAccountForAgent(await getDb(), await getCounterStore(), id);
  if (!account) notFound();
  const t = await getTranslations("admin");
  const own = account.id === agent.id;
  const frozen = account.status === "frozen" || account.status === "self_frozen";
  const onOff = (on: boolean) => t(on ? "on" : "off");
  const row = (term: string, value: React.ReactNode) => (
    <div className="grid grid-cols-3 gap-2 py-2">
      <dt className="text-ink-muted">{term}</dt>
      <dd className="col-span-2 break-words">{value}</dd>
    </div>
  );
  return (
    <div className="mx-auto max-w-form space-y-5">
      <p className="text-sm">
        <Link href="/admin" className="text-brand-700 underline-offset-2 hover:underline">{t("back")}</Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("accountHeading", { name: account.name })}</h1>
      <section aria-labelledby="details-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h2 id="details-heading" className="mb-2 font-medium">{t("details")}</h2>
        <dl className="divide-y divide-slate-200 text-sm" data-testid="account-details">
          {row(t("email"), account.email ?? t("none"))}
          {row(t("mobile"), account.mobile ?? t("none"))}
          {row(t("role"), t(`roles.${account.role}`))}
          {row(
            t("state"),
            <>
              <span data-testid="account-state">{t(`states.${account.status}`)}</span>
              {account.frozenReason && <span className="block text-ink-muted">{t("frozenReason", { reason: account.frozenReason })}</span>}
              {account.frozenCaseRef && <span className="block text-ink-muted">{t("frozenCase", { caseRef: account.frozenCaseRef })}</span>}
            </>,
          )}
          {row(
            t("pause"),
            <span data-testid="account-pause">
              {account.pausedUntil ? t.rich("pausedUntil", { time: () => <WalletTime at={account.pausedUntil!} /> }) : t("notPaused")}
            </span>,
          )}
          {row(
            t("twoStep"),
            <>
              <span className="block">{t("totp")}: {onOff(account.twoStep.totp)}</span>
              <span className="block">{t("sms")}: {onOff(account.twoStep.sms)}</span>
              <span className="block">{t("passkeys", { count: account.twoStep.passkeys })}</span>
              <span className="block">{t("backupCodes", { count: account.twoStep.backupCodes })}</span>
            </>,
          )}
        </dl>
      </section>
      {own ? (
        <p className="rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200">{t("ownAccount")}</p>
      ) : (
        <>
          {account.pausedUntil && <AgentChangeForm change="unlock" accountId={account.id} />}
          {account.status !== "frozen" && account.status !== "closed" && <AgentChangeForm change="freeze" accountId={account.id} />}
          {frozen && <AgentChangeForm change="unfreeze" accountId={account.id} />}
        </>
      )}
      <section aria-labelledby="events-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h2 id="events-heading" className="mb-4 font-medium">{t("events")}</h2>
        <HistoryList entries={account.events} label={t("events")} />
      </section>
    </div>
  );
}
