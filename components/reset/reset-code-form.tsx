"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resendResetCodeAction, verifyResetCodeAction } from "@/lib/actions/reset-password";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Countdown } from "@/components/ui/countdown";
import { OneTimeCodeField } from "@/components/ui/one-time-code-field";
import type { FormState } from "@/lib/error-codes";

/** The SMS code step, with "send a new code" once 60 s have passed (counted down on screen). */
export function ResetCodeForm({ mobile, resendAt }: { mobile: string; resendAt: number }) {
  const t = useTranslations("resetPassword");
  const te = useTranslations("errors");
  const [state, verify, verifying] = useActionState<FormState, FormData>(verifyResetCodeAction, {});
  const [resent, resend, resending] = useActionState<FormState, FormData>(resendResetCodeAction, {});
  const nextResend = resent.until ?? resendAt;
  return (
    <div className="space-y-5">
      <form action={verify} noValidate className="space-y-5">
        <Alert id="reset-code-message" tone="error">
          {state.code ? te(state.code) : resent.code ? te(resent.code) : null}
        </Alert>
        <input type="hidden" name="identifier" value={mobile} />
        <OneTimeCodeField label={t("code")} errors={state.fieldErrors?.code?.map((c) => te(c))} />
        <Button type="submit" disabled={verifying} aria-busy={verifying}>
          {verifying ? t("verifying") : t("verify")}
        </Button>
      </form>
      <form action={resend} className="space-y-2">
        <input type="hidden" name="identifier" value={mobile} />
        <Button type="submit" variant="secondary" disabled={resending}>
          {t("resend")}
        </Button>
        <p className="text-center text-sm text-ink-muted" aria-live="polite">
          <ResendWait until={nextResend} />
        </p>
      </form>
    </div>
  );
}

function ResendWait({ until }: { until: number }) {
  const t = useTranslations("resetPassword");
  return <Countdown until={until} render={(clock) => t("resendIn", { clock })} doneText={null} />;
}
