import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NewTicketForm } from "@/components/support/new-ticket-form";
import { requireAccount } from "@/lib/server/auth/require-account";

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${(await getTranslations("support.tickets.form"))("heading")} · ${(await getTranslations("support"))("title")}` };
}

/** A new ticket for the signed-in account. */
export default async function NewTicketPage() {
  await requireAccount("/support/new");
  const t = await getTranslations("support");
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <Link href="/support" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t("tickets.ticket.back")}</Link>
      <h1 className="text-2xl font-semibold">{t("tickets.form.heading")}</h1>
      <p className="text-ink-muted">{t("tickets.form.intro")}</p>
      <p className="rounded-lg border border-danger-700/30 bg-danger-50 px-3 py-2.5 text-sm text-danger-700">{t("warningHeading")}</p>
      <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <NewTicketForm />
      </div>
    </div>
  );
}
