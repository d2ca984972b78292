"use client";

import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { WalletTime } from "@/components/ui/wallet-time";
import type { OwnTicket } from "@/lib/server/support/find-own-ticket";
import { ReplyForm } from "./reply-form";

export const TICKET_POLL_MS = 5_000;

async function fetchTicket(reference: string): Promise<OwnTicket> {
  const response = await fetch(`/api/support/tickets/${reference}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`ticket ${response.status}`);
  return (await response.json()) as OwnTicket;
}

/** The conversation, first from the server's data, then polled every 5 s until the case is closed. */
export function Conversation({ initial }: { initial: OwnTicket }) {
  const t = useTranslations("support.tickets");
  const query = useQuery({
    queryKey: ["support-ticket", initial.reference],
    queryFn: () => fetchTicket(initial.reference),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.status === "closed" ? false : TICKET_POLL_MS),
  });
  const { refetch } = query;
  const onSent = useCallback(() => void refetch(), [refetch]);
  const ticket = query.data;
  return (
    <div className="space-y-5">
      <p className="text-sm text-ink-muted">
        {t("statusLabel")}: <span data-testid="ticket-status" className="font-medium text-ink">{t(`status.${ticket.status}`)}</span>
      </p>
      <Alert tone="warning">{query.isRefetchError ? t("ticket.refreshFailed") : null}</Alert>
      <ol className="space-y-3" aria-label={t("ticket.heading", { reference: ticket.reference })} data-testid="conversation">
        {ticket.messages.map((m) => (
          <li key={m.id} className={`rounded-xl p-4 shadow-sm ring-1 ${m.author === "agent" ? "bg-brand-50 ring-brand-600/30" : "bg-white ring-slate-200"}`} data-testid={`message-${m.author}`}>
            <p className="text-sm text-ink-muted">
              <span className="font-medium text-ink">{m.author === "agent" ? t("ticket.agent") : t("ticket.you")}</span> · <WalletTime at={m.createdAt} />
            </p>
            <p className="mt-2 whitespace-pre-wrap break-words">{m.body}</p>
            {m.attachments.length > 0 && (
              <ul className="mt-3 flex flex-wrap gap-2">
                {m.attachments.map((a, i) => (
                  <li key={a.id}>
                    <a href={`/api/support/attachments/${a.id}`} target="_blank" rel="noreferrer" className="block rounded ring-1 ring-slate-200">
                      {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-owner image: no optimiser cache */}
                      <img src={`/api/support/attachments/${a.id}`} alt={t("ticket.screenshot", { n: i + 1, width: a.width, height: a.height })} className="h-24 w-auto" />
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <p className="text-sm text-ink-muted">{t("ticket.live")}</p>
      {ticket.status === "closed" ? <Alert tone="info">{t("ticket.closed")}</Alert> : <ReplyForm reference={ticket.reference} onSent={onSent} />}
    </div>
  );
}
