"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SignInNotice } from "@/components/auth/sign-in-notice";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { OneTimeCodeField } from "@/components/ui/one-time-code-field";
import type { FormState } from "@/lib/error-codes";
import { PasskeySecondStep } from "./passkey-second-step";

type Methods = { totp: boolean; sms: boolean; backup: boolean; passkey: boolean };
export type SecondStepActions = {
  verify: (prev: FormState, formData: FormData) => Promise<FormState>;
  sendCode: (prev: FormState, formData: FormData) => Promise<FormState>;
  passkeyOptions: (prev: FormState, formData: FormData) => Promise<FormState>;
};
type Props = {
  callbackUrl: string;
  methods: Methods;
  mobile: string | null;
  /** The sign-in's step or the reset's: the same factors, answered by different actions. */
  actions: SecondStepActions;
  /** "Trust this browser" belongs to a sign-in, not to a reset. */
  offerTrust: boolean;
};

/**
 * Every second factor the account has, each in a form of its own that works without JavaScript (the passkey needs
 * it). One answer state: whichever form was used, its message shows at the top.
 */
export function SecondStepForm({ callbackUrl, methods, mobile, actions, offerTrust }: Props) {
  const t = useTranslations("secondStep");
  const te = useTranslations("errors");
  const [state, verify, verifying] = useActionState<FormState, FormData>(actions.verify, {});
  const [sent, send, sending] = useActionState<FormState, FormData>(actions.sendCode, {});
  const shared = (method: string) => (
    <>
      <input type="hidden" name="method" value={method} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
    </>
  );
  const trust = (method: string) => offerTrust && (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" name="trust" className="mt-0.5 size-4" aria-describedby={`trust-hint-${method}`} />
      <span>
        {t("trust")}
        <span id={`trust-hint-${method}`} className="block text-ink-muted">{t("trustHint")}</span>
      </span>
    </label>
  );
  const paused = state.code === "sign_in_paused" || state.code === "ip_throttled";
  return (
    <div className="space-y-8">
      <Alert id="second-step-message" tone={paused ? "warning" : "error"}>
        {state.code ? <SignInNotice code={state.code} until={state.until} /> : sent.code ? te(sent.code) : null}
      </Alert>
      {methods.totp && (
        <form action={verify} noValidate className="space-y-4" aria-labelledby="second-step-app">
          <h2 id="second-step-app" className="font-medium">{t("appHeading")}</h2>
          {shared("totp")}
          <OneTimeCodeField label={t("appCode")} hint={t("appHint")} errors={undefined} />
          {trust("totp")}
          <Button type="submit" disabled={verifying} aria-busy={verifying}>{verifying ? t("verifying") : t("verify")}</Button>
        </form>
      )}
      {methods.sms && mobile && (
        <section className="space-y-4" aria-labelledby="second-step-sms">
          <h2 id="second-step-sms" className="font-medium">{t("smsHeading")}</h2>
          <form action={send} className="space-y-2">
            <p className="text-sm text-ink-muted">{sent.ok ? t("smsSent", { mobile }) : t("smsIntro", { mobile })}</p>
            <Button type="submit" variant="secondary" disabled={sending}>{sent.ok ? t("smsResend") : t("smsSend")}</Button>
          </form>
          <form action={verify} noValidate className="space-y-4">
            {shared("sms")}
            <Field name="code" id="sms-code" label={t("smsCode")} inputMode="numeric" autoComplete="one-time-code" maxLength={20} required />
            {trust("sms")}
            <Button type="submit" disabled={verifying} aria-busy={verifying}>{verifying ? t("verifying") : t("verify")}</Button>
          </form>
        </section>
      )}
      {methods.passkey && <PasskeySecondStep callbackUrl={callbackUrl} verify={actions.verify} passkeyOptions={actions.passkeyOptions} />}
      {methods.backup && (
        <form action={verify} noValidate className="space-y-4" aria-labelledby="second-step-backup">
          <h2 id="second-step-backup" className="font-medium">{t("backupHeading")}</h2>
          {shared("backup")}
          <Field name="code" id="backup-code" label={t("backupCode")} hint={t("backupHint")} autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={40} required />
          {trust("backup")}
          <Button type="submit" variant="secondary" disabled={verifying} aria-busy={verifying}>{verifying ? t("verifying") : t("verifyBackup")}</Button>
        </form>
      )}
    </div>
  );
}
