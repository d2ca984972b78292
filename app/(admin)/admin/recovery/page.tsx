import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { WalletTime } from "@/components/ui/wallet-time";
import { getDb } from "@/lib/db";
import { listRecoveryQueue, RECOVERY_QUEUE_CAP } from "@/lib/server/agent/list-recovery-queue";
import { requireAgent } from "@/lib/server/agent/require-agent";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: `${t("recovery.heading")} · ${t("title")}` };
}

/** Pending identity-proof recovery requests, the oldest first. */
export default async function AdminRecoveryQueuePage() {
  await requireAgent();
  const requests = await listRecoveryQueue(await getDb());
  const t = await getTranslations("admin.recovery");
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <p className="text-sm">
        <Link href="/admin" className="text-brand-700 underline-offset-2 hover:underline">{t("backToConsole")}</Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-sm text-ink-muted">{t("order", { cap: RECOVERY_QUEUE_CAP })}</p>
      <section aria-labelledby="queue-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h2 id="queue-heading" className="font-medium">{t("queueHeading", { count: requests.length })}</h2>
        {requests.length === 0 ? (
          <p className="mt-2 text-ink-muted">{t("empty")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200" data-testid="recovery-queue">
            {requests.map((request) => (
              <li key={request.reference} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
                <div>
                  <Link href={`/admin/recovery/${request.reference}`} className="font-medium text-brand-700 tabular-nums underline-offset-2 hover:underline">{request.reference}</Link>
                  <p className="text-sm">{request.matched ? t("matched") : t("noAccount")}</p>
                </div>
                <div className="text-right text-sm">
                  <p>{t(`contactKind.${request.contactKind}`)}</p>
                  <p className="text-ink-muted">{t("created")} <WalletTime at={request.createdAt} /></p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
