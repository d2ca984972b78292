import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { DevicesSection } from "@/components/account/devices/devices-section";
import { TwoStepSection } from "@/components/account/two-step/two-step-section";
import { PasskeysSection } from "@/components/account/passkeys/passkeys-section";
import { HistorySection } from "@/components/account/history/history-section";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { requireAccount } from "@/lib/server/auth/require-account";
import { findTwoStepMethods } from "@/lib/server/two-step/find-two-step-methods";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("title") };
}

export default async function SecurityPage() {
  const { user, session } = await requireAccount("/account/security");
  const t = await getTranslations("security");
  const methods = await findTwoStepMethods(await getDb(), user.id);
  return (
    <div className="mx-auto max-w-form space-y-5">
      <p className="text-sm">
        <Link href="/account" className="text-brand-700 underline-offset-2 hover:underline">{t("back")}</Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p>
        <Link href="/account/freeze" className="font-medium text-brand-700 underline-offset-2 hover:underline">{t("freezeLink")}</Link>
      </p>
      <section aria-labelledby="change-password" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h2 id="change-password" className="mb-1 font-medium">{t("changePassword")}</h2>
        <p className="mb-5 text-sm text-ink-muted">{t("changePasswordIntro")}</p>
        <ChangePasswordForm context={{ email: user.email, mobile: user.mobile, name: user.name, composition: getConfig().PASSWORD_COMPOSITION }} />
      </section>
      <TwoStepSection methods={methods} mobile={user.mobile} />
      <PasskeysSection userId={user.id} />
      <DevicesSection userId={user.id} sessionId={session.id} />
      <HistorySection userId={user.id} />
    </div>
  );
}
