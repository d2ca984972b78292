import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listSignInIncidents } from "@/lib/server/incidents/list-sign-in-incidents";

/** On the pages people use to get in: an open incident that stops sign-in, in their language, linked to /status. */
export async function SignInIncidentBanner() {
  const incidents = await listSignInIncidents();
  if (incidents.length === 0) return null;
  const t = await getTranslations("status");
  const lang = (await getLocale()) === "en" ? "en" : "zh";
  // role="status" without live updates: it is there when the page loads and is read once, never re-announced.
  return (
    <div role="status" data-testid="incident-banner" className="mx-auto mb-6 max-w-2xl rounded-lg border border-caution-800/30 bg-caution-50 px-4 py-3 text-sm text-caution-800">
      <p className="font-medium">{t("bannerHeading")}</p>
      <ul className="mt-1 list-disc pl-5">
        {incidents.map((incident) => (
          <li key={incident.id}>{incident.title[lang]}</li>
        ))}
      </ul>
      <p className="mt-1">
        <Link href="/status" className="font-medium underline">{t("bannerLink")}</Link>
      </p>
    </div>
  );
}
