import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AgentTicketCloseForm, AgentTicketReplyForm } from "@/components/admin/agent-ticket-forms";
import { Alert } from "@/components/ui/alert";
import { WalletTime } from "@/components/ui/wallet-time";
import { formatAmount } from "@/lib/activity/format-amount";
import { getDb } from "@/lib/db";
import { findTicketForAgent } from "@/lib/server/agent/find-ticket-for-agent";
import { requireAgent } from "@/lib/server/agent/require-agent";

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: `${t("tickets.ticketHeading", { reference: (await params).reference })} · ${t("title")}` };
}

/** One ticket for an agent: the conversation with screenshots, its account and transaction, reply and close. */
export default async function AdminTicketPage({ params }: Props) {
  const { user: agent } = await requireAgent();
  const ticket = await findTicketForAgent(await getDb(), (await params).reference);
  if (!ticket) notFound();
  const [t, ts, tk, format] = [await getTranslations("admin"), await getTranslations("support.tickets"), await getTranslations("account.kind"), await getFormatter()];
  const own = ticket.userId === agent.id;
  const card = "rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6";
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <p className="text-sm">
        <Link href="/admin/tickets" className="text-brand-700 underline-offset-2 hover:underline">{t("tickets.backToQueue")}</Link>
      </p>
      <h1 className="text-2xl font-semibold tabular-nums">{t("tickets.ticketHeading", { reference: ticket.reference })}</h1>
      <section aria-labelledby="case-heading" className={card}>
        <h2 id="case-heading" className="mb-2 font-medium">{t("details")}</h2>
        <dl className="divide-y divide-slate-200 text-sm">
          <div className="grid grid-cols-3 gap-2 py-2"><dt className="text-ink-muted">{t("tickets.category")}</dt><dd className="col-span-2">{ts(`category.${ticket.category}`)}</dd></div>
          <div className="grid grid-cols-3 gap-2 py-2"><dt className="text-ink-muted">{ts("statusLabel")}</dt><dd className="col-span-2" data-testid="agent-ticket-status">{ts(`status.${ticket.status}`)}</dd></div>
          <div className="grid grid-cols-3 gap-2 py-2">
            <dt className="text-ink-muted">{t("tickets.account")}</dt>
            <dd className="col-span-2">
              {ticket.userId ? <Link href={`/admin/accounts/${ticket.userId}`} className="text-brand-700 underline-offset-2 hover:underline">{t("tickets.openAccount")}</Link> : t("tickets.noAccount")}
            </dd>
          </div>
          {ticket.transaction && (
            <div className="grid grid-cols-3 gap-2 py-2" data-testid="agent-ticket-transaction">
              <dt className="text-ink-muted">{t("tickets.transaction")}</dt>
              <dd className="col-span-2">
                {tk(ticket.transaction.kind)} · <span className="tabular-nums">{formatAmount(format, ticket.transaction.amountCents, ticket.transaction.currency)}</span> · {ticket.transaction.counterparty} · <WalletTime at={ticket.transaction.occurredAt} />
              </dd>
            </div>
          )}
        </dl>
      </section>
      <ol className="space-y-3" aria-label={t("tickets.conversation")} data-testid="agent-conversation">
        {ticket.messages.map((m) => (
          <li key={m.id} className={`rounded-xl p-4 shadow-sm ring-1 ${m.author === "agent" ? "bg-brand-50 ring-brand-600/30" : "bg-white ring-slate-200"}`}>
            <p className="text-sm text-ink-muted">
              <span className="font-medium text-ink">{m.author === "agent" ? t("tickets.agent") : t("tickets.customer")}</span> · <WalletTime at={m.createdAt} />
            </p>
            <p className="mt-2 whitespace-pre-wrap break-words">{m.body}</p>
            {m.attachments.length > 0 && (
              <ul className="mt-3 flex flex-wrap gap-2">
                {m.attachments.map((a, i) => (
                  <li key={a.id}>
                    <a href={`/api/admin/attachments/${a.id}`} target="_blank" rel="noreferrer" className="block rounded ring-1 ring-slate-200">
                      {/* eslint-disable-next-line @next/next/no-img-element -- a private screenshot: no optimiser cache */}
                      <img src={`/api/admin/attachments/${a.id}`} alt={ts("ticket.screenshot", { n: i + 1, width: a.width, height: a.height })} className="h-24 w-auto" />
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {own ? (
        <p className={`${card} text-sm`}>{t("ownAccount")}</p>
      ) : ticket.status === "closed" ? (
        <Alert tone="info">{t("tickets.closed")}</Alert>
      ) : (
        <>
          <AgentTicketReplyForm reference={ticket.reference} />
          <AgentTicketCloseForm reference={ticket.reference} />
        </>
      )}
    </div>
  );
}
