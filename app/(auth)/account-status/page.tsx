import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusCodeFlow } from "@/components/account-status/status-code-flow";
import { StatusQueryProvider } from "@/components/account-status/status-query-provider";
import { StatusView } from "@/components/account-status/status-view";
import { getDb } from "@/lib/db";
import { getCounterStore } from "@/lib/server/counters";
import { findStatusViewer } from "@/lib/server/status/find-status-viewer";
import { getAccountStatus } from "@/lib/server/status/get-account-status";
import { SignInIncidentBanner } from "@/components/status/sign-in-incident-banner";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountStatus"))("title") };
}

/** The account's own status for a browser that proved ownership (code, frozen sign-in, session); else the code flow. */
export default async function AccountStatusPage() {
  const t = await getTranslations("accountStatus");
  const userId = await findStatusViewer();
  const status = userId ? await getAccountStatus({ db: await getDb(), store: await getCounterStore(), userId }) : null;

  return (
    <div className={`mx-auto ${status ? "max-w-2xl" : "max-w-form"}`}>
      <SignInIncidentBanner />
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      {status ? (
        <div className="mt-6">
          <StatusQueryProvider>
            <StatusView initial={status} />
          </StatusQueryProvider>
        </div>
      ) : (
        <>
          <p className="mt-2 text-ink-muted">{t("intro")}</p>
          <div className="mt-6 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
            <StatusCodeFlow />
          </div>
          <p className="mt-5 text-center text-sm">
            {t("noContact")}{" "}
            <Link href="/recover" className="font-medium text-brand-700 underline underline-offset-2">{t("recover")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
