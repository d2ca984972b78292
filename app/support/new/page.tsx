import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusCodeFlow } from "@/components/account-status/status-code-flow";
import { NewTicketForm } from "@/components/support/new-ticket-form";
import { findSupportOwner } from "@/lib/server/support/find-support-owner";

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${(await getTranslations("support.tickets.form"))("heading")} · ${(await getTranslations("support"))("title")}` };
}

const card = "rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200";

/** A new ticket: the form for a signed-in or code-proven owner; a visitor first proves an email or mobile by code. */
export default async function NewTicketPage() {
  const owner = await findSupportOwner();
  const t = await getTranslations("support");
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <Link href="/support" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t("tickets.ticket.back")}</Link>
      <h1 className="text-2xl font-semibold">{t("tickets.form.heading")}</h1>
      <p className="rounded-lg border border-danger-700/30 bg-danger-50 px-3 py-2.5 text-sm text-danger-700">{t("warningHeading")}</p>
      {owner ? (
        <>
          <p className="text-ink-muted">{t("tickets.form.intro")}</p>
          <div className={card}>
            <NewTicketForm />
          </div>
        </>
      ) : (
        <>
          <p className="text-ink-muted">{t("tickets.form.visitorIntro")}</p>
          <div className={card}>
            <StatusCodeFlow next="/support/new" />
          </div>
          <p className="text-sm">
            <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-2 hover:underline">{t("tickets.form.signIn")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
