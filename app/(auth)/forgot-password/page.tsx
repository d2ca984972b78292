import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/reset/forgot-password-form";
import { SignInIncidentBanner } from "@/components/status/sign-in-incident-banner";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forgotPassword"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ForgotPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const t = await getTranslations("forgotPassword");
  // Sent back here when a link or code could not be used: start again.
  const restart = params.link === "invalid" ? "reset_link_invalid" : params.reset === "expired" ? "reset_expired" : undefined;
  return (
    <div className="mx-auto max-w-form">
      <SignInIncidentBanner />
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2 text-ink-muted">{t("intro")}</p>
      <div className="mt-6 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <ForgotPasswordForm initialCode={restart} />
      </div>
      <p className="mt-5 text-center text-sm">
        {t("noContact")}{" "}
        <Link href="/recover" className="font-medium text-brand-700 underline underline-offset-2">{t("recover")}</Link>
      </p>
      <p className="mt-3 text-center text-sm">
        <Link href="/sign-in" className="text-brand-700 underline-offset-2 hover:underline">{t("backToSignIn")}</Link>
      </p>
    </div>
  );
}
