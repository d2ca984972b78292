import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Conversation } from "@/components/support/conversation";
import { SupportQueryProvider } from "@/components/support/support-query-provider";
import { getDb } from "@/lib/db";
import { requireAccount } from "@/lib/server/auth/require-account";
import { findOwnTicket } from "@/lib/server/support/find-own-ticket";
import { findSupportOwner } from "@/lib/server/support/find-support-owner";

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("support");
  return { title: `${t("tickets.ticket.heading", { reference: (await params).reference })} · ${t("title")}` };
}

/** One ticket's conversation, for its owner only: any other reference is a 404, whoever's it is. */
export default async function TicketPage({ params }: Props) {
  const { reference } = await params;
  const owner = (await findSupportOwner()) ?? { userId: (await requireAccount(`/support/${encodeURIComponent(reference)}`)).user.id };
  const ticket = await findOwnTicket(await getDb(), { reference, owner });
  if (!ticket) notFound();
  const t = await getTranslations("support.tickets");
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <Link href="/support" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t("ticket.back")}</Link>
      <h1 className="text-2xl font-semibold tabular-nums">{t("ticket.heading", { reference: ticket.reference })}</h1>
      <p className="text-ink-muted">{t(`category.${ticket.category}`)}</p>
      <SupportQueryProvider>
        <Conversation initial={ticket} />
      </SupportQueryProvider>
    </div>
  );
}
