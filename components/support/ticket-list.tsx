import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { WalletTime } from "@/components/ui/wallet-time";
import type { TicketSummary } from "@/lib/server/support/list-own-tickets";

/** The owner's tickets, newest first, each linking to its conversation. */
export async function TicketList({ tickets }: { tickets: TicketSummary[] }) {
  const t = await getTranslations("support.tickets");
  if (tickets.length === 0) return <p className="mt-2 text-ink-muted">{t("none")}</p>;
  return (
    <ul className="mt-3 divide-y divide-slate-200" data-testid="ticket-list">
      {tickets.map((ticket) => (
        <li key={ticket.reference} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
          <div>
            <Link href={`/support/${ticket.reference}`} className="font-medium text-brand-700 tabular-nums underline-offset-2 hover:underline">{ticket.reference}</Link>
            <p className="text-sm">{t(`category.${ticket.category}`)}</p>
          </div>
          <div className="text-right text-sm">
            <p className="font-medium">{t(`status.${ticket.status}`)}</p>
            <p className="text-ink-muted">{t("updated")} <WalletTime at={ticket.updatedAt} /></p>
          </div>
        </li>
      ))}
    </ul>
  );
}
