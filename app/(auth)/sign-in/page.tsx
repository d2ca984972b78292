import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PasskeySignIn } from "@/components/auth/passkey-sign-in";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SignInIncidentBanner } from "@/components/status/sign-in-incident-banner";
import { Alert } from "@/components/ui/alert";
import { isErrorCode } from "@/lib/error-codes";
import { findEndedSession } from "@/lib/server/auth/find-ended-session";
import { findSignedIn } from "@/lib/server/auth/find-signed-in";
import { listSignInIncidents } from "@/lib/server/incidents/list-sign-in-incidents";
import { callbackPathField } from "@/lib/validation/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("signInTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = callbackPathField.parse(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await findSignedIn("full")) redirect(callbackUrl);
  // A right password of a two-step account leads on to the second step.
  if (await findSignedIn("second_factor")) redirect(`/sign-in/two-step?${new URLSearchParams({ callbackUrl })}`);
  // Auth.js sends a spent or expired email link here: start the reset again, with the reason.
  if (params.error === "Verification") redirect("/forgot-password?link=invalid");

  const t = await getTranslations("signIn");
  // Auth.js sends direct POSTs to the callback back here with ?code=…
  const code = typeof params.code === "string" && isErrorCode(params.code) ? params.code : undefined;
  const ownNotice = params.signedOut === "1" || params.reset === "1" || params.repaired === "1";
  const notice = params.reset === "1" ? t("passwordReset") : params.repaired === "1" ? t("repaired") : t("signedOut");
  // A browser signed out from elsewhere still carries its old cookie: it is told why.
  const ended = ownNotice ? null : await findEndedSession();
  const endedLink = ended === "account_frozen" ? "/account-status" : "/forgot-password";
  const [incident] = await listSignInIncidents();
  const knownIncident = incident?.title[(await getLocale()) === "en" ? "en" : "zh"];
  return (
    <div className="mx-auto max-w-form">
      <SignInIncidentBanner />
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2 text-ink-muted">{t("intro")}</p>
      {ownNotice && (
        <div className="mt-4">
          <Alert tone="info">{notice}</Alert>
        </div>
      )}
      {ended && (
        <div className="mt-4">
          <Alert tone="warning">
            {t.rich(`ended.${ended}`, {
              link: (chunks) => (
                <Link href={endedLink} className="font-medium underline">
                  {chunks}
                </Link>
              ),
            })}
          </Alert>
        </div>
      )}
      <div className="mt-6 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <SignInForm callbackUrl={callbackUrl} initialCode={code} knownIncident={knownIncident} />
        <PasskeySignIn callbackUrl={callbackUrl} />
      </div>
      <nav aria-label={t("helpLinks")} className="mt-5">
        <ul className="flex flex-wrap justify-center gap-x-5 gap-y-2 text-sm">
          <li>
            <Link href="/forgot-password" className="text-brand-700 underline-offset-2 hover:underline">{t("forgotPassword")}</Link>
          </li>
          <li>
            <Link href="/account-status" className="text-brand-700 underline-offset-2 hover:underline">{t("accountStatus")}</Link>
          </li>
          <li>
            <Link href="/help" className="text-brand-700 underline-offset-2 hover:underline">{t("cantSignIn")}</Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
