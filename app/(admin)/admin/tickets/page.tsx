import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { WalletTime } from "@/components/ui/wallet-time";
import { getDb } from "@/lib/db";
import { listTicketQueue, TICKET_QUEUE_CAP } from "@/lib/server/agent/list-ticket-queue";
import { requireAgent } from "@/lib/server/agent/require-agent";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: `${t("tickets.heading")} · ${t("title")}` };
}

/** Open and answered tickets, the one waiting longest first. */
export default async function AdminTicketsPage() {
  await requireAgent();
  const tickets = await listTicketQueue(await getDb());
  const [t, ts] = [await getTranslations("admin"), await getTranslations("support.tickets")];
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <p className="text-sm">
        <Link href="/admin" className="text-brand-700 underline-offset-2 hover:underline">{t("tickets.backToConsole")}</Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("tickets.heading")}</h1>
      <p className="text-sm text-ink-muted">{t("tickets.order", { cap: TICKET_QUEUE_CAP })}</p>
      <section aria-labelledby="queue-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h2 id="queue-heading" className="font-medium">{t("tickets.queueHeading", { count: tickets.length })}</h2>
        {tickets.length === 0 ? (
          <p className="mt-2 text-ink-muted">{t("tickets.empty")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200" data-testid="ticket-queue">
            {tickets.map((ticket) => (
              <li key={ticket.reference} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
                <div>
                  <Link href={`/admin/tickets/${ticket.reference}`} className="font-medium text-brand-700 tabular-nums underline-offset-2 hover:underline">{ticket.reference}</Link>
                  <p className="text-sm">{ts(`category.${ticket.category}`)}</p>
                </div>
                <div className="text-right text-sm">
                  <p className="font-medium">{ts(`status.${ticket.status}`)}</p>
                  <p className="text-ink-muted">{t("tickets.created")} <WalletTime at={ticket.createdAt} /></p>
                  <p className="text-ink-muted">{t("tickets.lastMessage")} <WalletTime at={ticket.lastMessageAt} /></p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
