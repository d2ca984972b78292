import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TicketList } from "@/components/support/ticket-list";
import { getDb } from "@/lib/db";
import { findSupportOwner } from "@/lib/server/support/find-support-owner";
import { listOwnTickets } from "@/lib/server/support/list-own-tickets";
import { SUPPORT_EMAIL, SUPPORT_HOTLINE } from "@/lib/support-channels";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support"))("title") };
}

const card = "rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200";
const link = "font-medium text-brand-700 underline-offset-2 hover:underline";

/** The owner's tickets, then the service channels: hotline, email, in-app chat, and the warning that staff never ask for secrets. */
export default async function SupportPage() {
  const t = await getTranslations("support");
  const owner = await findSupportOwner();
  const tickets = owner ? await listOwnTickets(await getDb(), { owner }) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-ink-muted">{t("intro")}</p>

      <section aria-labelledby="support-warning" data-testid="support-warning" className="rounded-xl border-2 border-danger-700/40 bg-danger-50 p-5 text-danger-700">
        <h2 id="support-warning" className="text-lg font-semibold">{t("warningHeading")}</h2>
        <p className="mt-2">{t("warning")}</p>
      </section>

      <section aria-labelledby="support-tickets" className={card}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="support-tickets" className="font-medium">{t("tickets.myTickets")}</h2>
          <Link href="/support/new" className={link}>{t("tickets.newTicket")}</Link>
        </div>
        {tickets ? <TicketList tickets={tickets} /> : <p className="mt-2 text-sm text-ink-muted">{t("tickets.signInToSee")}</p>}
      </section>

      <section aria-labelledby="support-channels" className={card}>
        <h2 id="support-channels" className="font-medium">{t("channelsHeading")}</h2>
        <dl className="mt-3 space-y-4">
          <div>
            <dt className="text-sm text-ink-muted">{t("hotline")}</dt>
            <dd>
              <a href={`tel:${SUPPORT_HOTLINE.replaceAll("-", "")}`} className={`${link} text-lg tabular-nums`} data-testid="support-hotline">{SUPPORT_HOTLINE}</a>
              <p className="text-sm">{t("hotlineHours")}</p>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-ink-muted">{t("email")}</dt>
            <dd>
              <a href={`mailto:${SUPPORT_EMAIL}`} className={link}>{SUPPORT_EMAIL}</a>
              <p className="text-sm">{t("emailHint")}</p>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-ink-muted">{t("chat")}</dt>
            <dd className="text-sm">{t("chatHint")}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="support-prepare" className={card}>
        <h2 id="support-prepare" className="font-medium">{t("prepareHeading")}</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{t("prepare.identifier")}</li>
          <li>{t("prepare.caseRef")}</li>
          <li>{t("prepare.what")}</li>
        </ul>
      </section>

      <nav aria-labelledby="support-self-help" className={card}>
        <h2 id="support-self-help" className="font-medium">{t("selfHelpHeading")}</h2>
        <ul className="mt-2 space-y-1.5">
          <li><Link href="/forgot-password" className={link}>{t("forgotPassword")}</Link></li>
          <li><Link href="/account-status" className={link}>{t("accountStatus")}</Link></li>
          <li><Link href="/help" className={link}>{t("help")}</Link></li>
        </ul>
      </nav>
    </div>
  );
}
