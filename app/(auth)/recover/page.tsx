import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RecoveryForm } from "@/components/recovery/recovery-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recover"))("title") };
}

/** Identity-proof recovery: for someone who lost both the email and the mobile number of their account. */
export default async function RecoverPage() {
  const t = await getTranslations("recover");
  return (
    <div className="mx-auto max-w-form">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2 text-ink-muted">{t("intro")}</p>
      <div className="mt-6 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <RecoveryForm />
      </div>
      <p className="mt-5 text-sm text-ink-muted">{t("neverAsk")}</p>
      <p className="mt-3 text-center text-sm">
        <Link href="/help" className="text-brand-700 underline-offset-2 hover:underline">{t("backToHelp")}</Link>
      </p>
    </div>
  );
}
