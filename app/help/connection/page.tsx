import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ConnectionCheck } from "@/components/help/connection-check";
import { getDb } from "@/lib/db";
import { formatWalletTime } from "@/lib/format-wallet-time";
import { listOpenIncidents } from "@/lib/server/incidents/list-open-incidents";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connection"))("title") };
}

const card = "rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200";
// Rendered once per request on the server: the moment the page was made is the figure the visitor compares with.
const pageMadeAt = () => Date.now();

/** The connection check: what the server knows is rendered here, so it shows without JavaScript; the browser measures the rest. */
export default async function ConnectionPage() {
  const t = await getTranslations("connection");
  const locale = await getLocale();
  const incidents = await listOpenIncidents(await getDb());
  const now = pageMadeAt();
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-ink-muted">{t("intro")}</p>
      <noscript>
        <section aria-labelledby="connection-noscript" data-testid="connection-noscript" className="rounded-xl border border-caution-800/30 bg-caution-50 p-5 text-caution-800">
          <h2 id="connection-noscript" className="font-medium">{t("noscriptHeading")}</h2>
          <p className="mt-1.5">{t("noscriptText")}</p>
          <p className="mt-1.5">{t("noscriptTry")}</p>
        </section>
      </noscript>
      {/* Every open incident is listed below; only one that affects sign-in explains a failed sign-in. */}
      <ConnectionCheck openIncidents={incidents.filter((incident) => incident.affectsSignIn).length} />
      <section aria-labelledby="connection-status" data-testid="connection-incidents" className={card}>
        <h2 id="connection-status" className="font-medium">{t("statusHeading")}</h2>
        {incidents.length === 0 ? (
          <p className="mt-1.5">{t("statusNone")}</p>
        ) : (
          <>
            <p className="mt-1.5">{t("statusOpen")}</p>
            <ul className="mt-1.5 list-disc space-y-1 pl-5">
              {incidents.map((incident) => <li key={incident.id} className="font-medium">{locale === "en" ? incident.title.en : incident.title.zh}</li>)}
            </ul>
          </>
        )}
        <p className="mt-3">
          <Link href="/status" className="font-medium text-brand-700 underline-offset-2 hover:underline">{t("statusLink")}</Link>
        </p>
      </section>
      <section aria-labelledby="connection-server-time" className={card}>
        <h2 id="connection-server-time" className="font-medium">{t("serverTimeHeading")}</h2>
        <p className="mt-1.5">
          {t("serverTimeText")}{" "}
          <time data-testid="connection-server-time" dateTime={new Date(now).toISOString()} className="font-semibold tabular-nums">
            {formatWalletTime(now, locale, { seconds: true })}
          </time>
        </p>
        <p className="mt-1.5 text-sm text-ink-muted">{t("serverTimeNote")}</p>
      </section>
    </div>
  );
}
