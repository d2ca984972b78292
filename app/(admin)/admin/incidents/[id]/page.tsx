import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ConsoleNav } from "@/components/admin/console-nav";
import { IncidentUpdateForm } from "@/components/admin/incident-update-form";
import { WalletTime } from "@/components/ui/wallet-time";
import { getDb } from "@/lib/db";
import { requireAgent } from "@/lib/server/agent/require-agent";
import { findIncident } from "@/lib/server/incidents/find-incident";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.incidents"))("title") };
}

export default async function AdminIncidentPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAgent();
  const { id } = await params;
  const incident = await findIncident(await getDb(), id);
  if (!incident) notFound();
  const t = await getTranslations("admin.incidents");
  const tf = await getTranslations("status.features");
  const lang = (await getLocale()) === "en" ? "en" : "zh";
  return (
    <div className="mx-auto max-w-form space-y-5">
      <ConsoleNav current="incidents" />
      <p className="text-sm">
        <Link href="/admin/incidents" className="text-brand-700 underline-offset-2 hover:underline">{t("back")}</Link>
      </p>
      <h1 className="text-2xl font-semibold">{incident.title[lang]}</h1>
      <p className="text-sm text-ink-muted">
        <span data-testid="incident-status">{t(`statuses.${incident.status}`)}</span> · {t(`severities.${incident.severity}`)}
        {incident.features.map((feature) => ` · ${tf(feature)}`)}
      </p>
      <section aria-labelledby="timeline-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h2 id="timeline-heading" className="mb-2 font-medium">{t("timeline")}</h2>
        <ol className="divide-y divide-slate-200 text-sm" data-testid="incident-timeline">
          {incident.updates.map((update) => (
            <li key={update.id} className="py-3">
              <span className="font-medium">{t(`statuses.${update.status}`)}</span> · <WalletTime at={update.createdAt} />
              <p className="mt-1 whitespace-pre-line">{update.body[lang]}</p>
            </li>
          ))}
        </ol>
      </section>
      {incident.resolvedAt === null ? (
        <IncidentUpdateForm incidentId={incident.id} />
      ) : (
        <p className="rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200">{t("resolvedNote")}</p>
      )}
    </div>
  );
}
