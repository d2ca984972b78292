import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ConsoleNav } from "@/components/admin/console-nav";
import { IncidentCreateForm } from "@/components/admin/incident-create-form";
import { WalletTime } from "@/components/ui/wallet-time";
import { getDb } from "@/lib/db";
import { requireAgent } from "@/lib/server/agent/require-agent";
import type { Incident } from "@/lib/server/incidents/incident-view";
import { listOpenIncidents } from "@/lib/server/incidents/list-open-incidents";
import { listRecentIncidents } from "@/lib/server/incidents/list-recent-incidents";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.incidents"))("title") };
}

export default async function AdminIncidentsPage() {
  await requireAgent();
  const db = await getDb();
  const [open, recent] = await Promise.all([listOpenIncidents(db), listRecentIncidents(db, { days: 30 })]);
  const t = await getTranslations("admin.incidents");
  const tf = await getTranslations("status.features");
  const lang = (await getLocale()) === "en" ? "en" : "zh";
  const list = (incidents: Incident[], empty: string, testId: string) =>
    incidents.length === 0 ? (
      <p className="text-sm text-ink-muted">{empty}</p>
    ) : (
      <ul className="divide-y divide-slate-200 text-sm" data-testid={testId}>
        {incidents.map((incident) => (
          <li key={incident.id} className="py-3">
            <Link href={`/admin/incidents/${incident.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {incident.title[lang]}
            </Link>
            <span className="block text-ink-muted">
              {t(`statuses.${incident.status}`)} · {t(`severities.${incident.severity}`)}
              {incident.features.map((feature) => ` · ${tf(feature)}`)} ·{" "}
              {incident.resolvedAt ? t.rich("resolvedAt", { time: () => <WalletTime at={incident.resolvedAt!} /> }) : t.rich("createdAt", { time: () => <WalletTime at={incident.createdAt} /> })}
            </span>
          </li>
        ))}
      </ul>
    );
  return (
    <div className="mx-auto max-w-form space-y-5">
      <ConsoleNav current="incidents" />
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <section aria-labelledby="open-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h2 id="open-heading" className="mb-2 font-medium">{t("open")}</h2>
        {list(open, t("noneOpen"), "open-incidents")}
      </section>
      <IncidentCreateForm />
      <section aria-labelledby="recent-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h2 id="recent-heading" className="mb-2 font-medium">{t("recent")}</h2>
        {list(recent, t("noneRecent"), "recent-incidents")}
      </section>
    </div>
  );
}
