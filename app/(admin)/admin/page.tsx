import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AgentSearchForm } from "@/components/admin/agent-search-form";
import { ConsoleNav } from "@/components/admin/console-nav";
import { requireAgent } from "@/lib/server/agent/require-agent";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  await requireAgent();
  const t = await getTranslations("admin");
  return (
    <div className="mx-auto max-w-form space-y-5">
      <ConsoleNav current="search" />
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <AgentSearchForm />
      </section>
      <nav aria-label={t("heading")} className="rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200 sm:p-6">
        <ul className="space-y-2">
          <li><Link href="/admin/tickets" className="font-medium text-brand-700 underline-offset-2 hover:underline">{t("tickets.link")}</Link></li>
          <li><Link href="/admin/recovery" className="font-medium text-brand-700 underline-offset-2 hover:underline">{t("recovery.link")}</Link></li>
        </ul>
      </nav>
    </div>
  );
}
