"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { enrolAuthenticatorAction, turnOffAuthenticatorAction } from "@/lib/actions/two-step-methods";
import type { FormState } from "@/lib/error-codes";
import type { EnrolAuthenticatorState } from "@/lib/two-step/two-step-states";
import { ReauthOrError } from "./reauth-or-error";
import { TotpEnrolmentView } from "./totp-enrolment-view";

/** Add the app (QR code + key, then its first code) or turn it off; both answers stay on screen across the switch. */
export function AuthenticatorPanel({ on }: { on: boolean }) {
  const t = useTranslations("twoStep.app");
  const te = useTranslations("errors");
  const [enrol, enrolAction, enrolling] = useActionState<EnrolAuthenticatorState, FormData>(enrolAuthenticatorAction, {});
  const [off, offAction, turningOff] = useActionState<FormState, FormData>(turnOffAuthenticatorAction, {});
  if (on) {
    return (
      <div className="space-y-3">
        <ReauthOrError state={!off.code && enrol.ok ? enrol : off} success={t("added")} hasApp />
        <form action={offAction}>
          <Button type="submit" variant="secondary" disabled={turningOff} aria-busy={turningOff}>{turningOff ? t("turningOff") : t("turnOff")}</Button>
        </form>
      </div>
    );
  }
  const codeErrors = enrol.fieldErrors?.code?.map((c) => te(c));
  const enrolShown = enrol.code || enrol.enrolment || enrol.fieldErrors;
  return (
    <div className="space-y-4">
      <ReauthOrError state={enrolShown ? enrol : off} success={t("turnedOff")} hasApp={false} />
      {enrol.enrolment ? (
        <form action={enrolAction} noValidate className="space-y-4">
          <TotpEnrolmentView enrolment={enrol.enrolment} />
          <Field id="totp-code" name="code" label={t("code")} type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={20} required errors={codeErrors} />
          <Button type="submit" name="step" value="confirm" disabled={enrolling} aria-busy={enrolling}>{enrolling ? t("confirming") : t("confirm")}</Button>
          <Button type="submit" name="step" value="start" variant="secondary" disabled={enrolling}>{t("restart")}</Button>
        </form>
      ) : (
        <form action={enrolAction}>
          <input type="hidden" name="step" value="start" />
          <Button type="submit" disabled={enrolling} aria-busy={enrolling}>{enrolling ? t("starting") : t("start")}</Button>
        </form>
      )}
    </div>
  );
}
