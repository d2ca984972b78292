import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SecondStepForm } from "@/components/auth/second-step-form";
import { WalletTime } from "@/components/ui/wallet-time";
import { completeSecondStepAction, secondStepPasskeyOptionsAction, sendSecondStepCodeAction } from "@/lib/actions/second-step";
import { signOutAction } from "@/lib/actions/sign-out";
import { getDb } from "@/lib/db";
import { maskMobile } from "@/lib/identifier/mask-identifier";
import { findSignedIn } from "@/lib/server/auth/find-signed-in";
import { findTwoStepMethods } from "@/lib/server/two-step/find-two-step-methods";
import { callbackPathField } from "@/lib/validation/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("secondStep"))("title"), robots: { index: false, follow: false } };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The second step of a sign-in: only for a browser that just gave the right password of a two-step account. */
export default async function SecondStepPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = callbackPathField.parse(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  const pending = await findSignedIn("second_factor");
  if (!pending) redirect(`/sign-in?${new URLSearchParams({ callbackUrl, code: "second_step_expired" })}`);
  const methods = await findTwoStepMethods(await getDb(), pending.user.id);
  const t = await getTranslations("secondStep");
  return (
    <div className="mx-auto max-w-form">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2 text-ink-muted">
        {t.rich("intro", { time: () => <WalletTime at={Number(pending.session.expires_at)} /> })}
      </p>
      <div className="mt-6 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <SecondStepForm
          callbackUrl={callbackUrl}
          methods={{ totp: methods.totp, sms: methods.sms, backup: methods.backupCodes > 0, passkey: methods.passkeys > 0 }}
          mobile={methods.sms && pending.user.mobile ? maskMobile(pending.user.mobile) : null}
          actions={{ verify: completeSecondStepAction, sendCode: sendSecondStepCodeAction, passkeyOptions: secondStepPasskeyOptionsAction }}
          offerTrust
        />
      </div>
      {/* Ends this half-finished sign-in (its session record goes), so the sign-in page is free again. */}
      <form action={signOutAction} className="mt-5 text-center text-sm">
        <button type="submit" className="text-brand-700 underline-offset-2 hover:underline">{t("startOver")}</button>
      </form>
    </div>
  );
}
