import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { WalletTime } from "@/components/ui/wallet-time";
import { getDb } from "@/lib/db";
import { buildServiceStatus, STATUS_RECENT_DAYS, type StatusIncident } from "@/lib/server/incidents/build-service-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("status"))("title") };
}

/** Public service status: what is broken now and what was fixed lately, as agents posted it. */
export default async function StatusPage() {
  const { open, recent } = await buildServiceStatus(await getDb());
  const t = await getTranslations("status");
  const lang = (await getLocale()) === "en" ? "en" : "zh";

  const incidentCard = (incident: StatusIncident) => (
    <li key={incident.id} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6" data-testid="status-incident">
      <h3 className="font-medium">{incident.title[lang]}</h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-ink-muted">{t("statusLabel")}</dt>
        <dd>{t(`statuses.${incident.status}`)}</dd>
        <dt className="text-ink-muted">{t("severityLabel")}</dt>
        <dd>{t(`severities.${incident.severity}`)}</dd>
        <dt className="text-ink-muted">{t("featuresLabel")}</dt>
        <dd>{incident.features.length ? incident.features.map((f) => t(`features.${f}`)).join(lang === "en" ? ", " : "、") : t("featuresUnknown")}</dd>
        <dt className="text-ink-muted">{t("startedLabel")}</dt>
        <dd><WalletTime at={incident.createdAt} /></dd>
        {incident.resolvedAt !== null && (
          <>
            <dt className="text-ink-muted">{t("resolvedLabel")}</dt>
            <dd data-testid="resolved-time"><WalletTime at={incident.resolvedAt} /></dd>
          </>
        )}
      </dl>
      <h4 className="mt-4 text-sm font-medium">{t("updates")}</h4>
      <ol className="mt-1 space-y-2 text-sm">
        {incident.updates.map((update) => (
          <li key={update.id}>
            <span className="text-ink-muted">
              <WalletTime at={update.createdAt} /> · {t(`statuses.${update.status}`)}
            </span>
            <p>{update.body[lang]}</p>
          </li>
        ))}
      </ol>
    </li>
  );

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="mt-2 text-ink-muted">{t("intro")}</p>
      </div>
      <section aria-labelledby="open-heading">
        <h2 id="open-heading" className="mb-3 text-lg font-medium">{t("openHeading")}</h2>
        {open.length === 0 ? (
          <p className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid="all-working">{t("allWorking")}</p>
        ) : (
          <ul className="space-y-4" data-testid="open-incidents">{open.map(incidentCard)}</ul>
        )}
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-3 text-lg font-medium">{t("recentHeading", { days: STATUS_RECENT_DAYS })}</h2>
        {recent.length === 0 ? (
          <p className="text-sm text-ink-muted">{t("noneRecent", { days: STATUS_RECENT_DAYS })}</p>
        ) : (
          <ul className="space-y-4" data-testid="recent-incidents">{recent.map(incidentCard)}</ul>
        )}
      </section>
    </div>
  );
}
