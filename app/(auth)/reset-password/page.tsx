import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NewPasswordForm } from "@/components/reset/new-password-form";
import { SecondStepForm } from "@/components/auth/second-step-form";
import { ResetHoldForm } from "@/components/reset/reset-hold-form";
import { proveResetSecondFactorAction, resetPasskeyOptionsAction, sendResetSecondFactorCodeAction } from "@/lib/actions/reset-second-factor";
import { ResetHoldPlaced } from "@/components/reset/reset-hold-placed";
import { ResetCodeForm } from "@/components/reset/reset-code-form";
import { Button } from "@/components/ui/button";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { maskEmail, maskMobile } from "@/lib/identifier/mask-identifier";
import { isIdentifier, normalizeIdentifier } from "@/lib/identifier/normalize-identifier";
import { findSignedIn } from "@/lib/server/auth/find-signed-in";
import { isResetLinkValid } from "@/lib/server/reset/find-reset-link";
import { RESET_HOLD_MS } from "@/lib/server/reset/reset-hold-policy";
import { findTwoStepMethods } from "@/lib/server/two-step/find-two-step-methods";
import { chooseResetFactors, type ResetFactor } from "@/lib/server/reset/choose-reset-factors";
import { SignInIncidentBanner } from "@/components/status/sign-in-incident-banner";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resetPassword"))("title"), referrer: "no-referrer" };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
/** The code was just sent (or the visitor came back): a new one may be asked for a minute from now at the earliest. */
const firstResendAt = () => Date.now() + 60_000;
/** `?held=` after choosing the 72-hour wait: only a moment inside the coming wait is shown. */
const heldUntil = (v: string | undefined) => {
  const at = Number(v);
  return Number.isSafeInteger(at) && at > Date.now() && at <= Date.now() + RESET_HOLD_MS ? at : undefined;
};

/**
 * A state machine, never a 500: a reset-only session sets the password; an email link is checked before
 * its button shows; a phone gets the code form; anything else starts again at /forgot-password.
 */
export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const t = await getTranslations("resetPassword");
  const resetting = await findSignedIn("reset");
  const db = await getDb();
  const held = heldUntil(one(params.held));
  let body: React.ReactNode;

  const rule = resetting ? chooseResetFactors(await findTwoStepMethods(db, resetting.user.id), resetting.session.reset_via) : null;
  if (resetting && rule?.required && resetting.session.second_factor_at === null) {
    // Two-step verification is on and no second factor was given yet: a factor of another kind, or the 72-hour wait.
    const { user } = resetting;
    const has = (factor: ResetFactor) => rule.factors.includes(factor);
    body = (
      <div className="space-y-8">
        {rule.factors.length > 0 && (
          <section aria-labelledby="reset-second-factor" className="space-y-4">
            <h2 id="reset-second-factor" className="text-lg font-semibold">{t("secondFactorHeading")}</h2>
            <p className="text-ink-muted">{t("secondFactorIntro")}</p>
            <SecondStepForm
              callbackUrl="/reset-password"
              methods={{ totp: has("totp"), sms: has("sms"), backup: has("backup_code"), passkey: has("passkey") }}
              mobile={has("sms") && user.mobile ? maskMobile(user.mobile) : null}
              actions={{ verify: proveResetSecondFactorAction, sendCode: sendResetSecondFactorCodeAction, passkeyOptions: resetPasskeyOptionsAction }}
              offerTrust={false}
            />
          </section>
        )}
        <ResetHoldForm context={{ email: user.email, mobile: user.mobile, name: user.name, composition: getConfig().PASSWORD_COMPOSITION }} />
      </div>
    );
  } else if (resetting) {
    const { user } = resetting;
    const who = user.email ? maskEmail(user.email) : maskMobile(user.mobile!);
    body = (
      <>
        <p className="mb-5 text-ink-muted">{t("newPasswordIntro", { who })}</p>
        <NewPasswordForm context={{ email: user.email, mobile: user.mobile, name: user.name, composition: getConfig().PASSWORD_COMPOSITION }} />
      </>
    );
  } else if (one(params.token) && one(params.email)) {
    const [token, email] = [one(params.token)!, one(params.email)!];
    const valid = token.length <= 200 && email.length <= 256 && (await isResetLinkValid(db, { email, token }));
    if (!valid) redirect("/forgot-password?link=invalid");
    // Following the link only shows this button: mail scanners that open links cannot spend it.
    body = (
      <form method="get" action="/api/auth/callback/nodemailer" className="space-y-4">
        <p>{t("linkIntro")}</p>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="callbackUrl" value="/reset-password" />
        <Button type="submit">{t("continue")}</Button>
      </form>
    );
  } else if (one(params.mobile)) {
    const mobile = normalizeIdentifier(one(params.mobile)!);
    if (!isIdentifier(mobile) || mobile.kind !== "mobile") redirect("/forgot-password");
    body = (
      <>
        <p className="mb-5 text-ink-muted">{t("codeIntro", { mobile: maskMobile(mobile.value) })}</p>
        <ResetCodeForm mobile={mobile.value} resendAt={firstResendAt()} />
      </>
    );
  } else if (held) {
    body = <ResetHoldPlaced effectiveAt={held} />;
  } else {
    redirect("/forgot-password");
  }

  return (
    <div className="mx-auto max-w-form">
      <SignInIncidentBanner />
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <div className="mt-6 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">{body}</div>
      <p className="mt-5 text-center text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline-offset-2 hover:underline">{t("startAgain")}</Link>
      </p>
    </div>
  );
}
