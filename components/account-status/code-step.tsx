"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { OneTimeCodeField } from "@/components/ui/one-time-code-field";
import type { FormState } from "@/lib/error-codes";
import { ResendButton } from "./resend-button";

type Props = {
  state: FormState;
  formAction: (formData: FormData) => void;
  submit: (event: React.FormEvent<HTMLFormElement>) => void;
  pending: boolean;
};

/** Step two: the 6-digit code. The identifier travels in a hidden field; nothing about the account is shown. */
export function CodeStep({ state, formAction, submit, pending }: Props) {
  const t = useTranslations("accountStatus");
  const te = useTranslations("errors");
  const identifier = state.values?.identifier ?? "";
  const resendAt = state.values?.resendAt ?? "";
  const next = state.values?.next || "/account-status";
  return (
    <form action={formAction} onSubmit={submit} noValidate className="space-y-5" aria-describedby="status-code-message">
      <input type="hidden" name="identifier" value={identifier} />
      <input type="hidden" name="step" value="code" />
      <input type="hidden" name="resendAt" value={resendAt} />
      <input type="hidden" name="next" value={next} />
      <p className="text-sm">{t("codeSent", { identifier })}</p>
      <Alert id="status-code-message" tone={state.code === "rate_limited" ? "warning" : "error"}>
        {state.code ? te(state.code) : null}
      </Alert>
      <OneTimeCodeField label={t("code")} hint={t("codeHint")} errors={state.fieldErrors?.code?.map((c) => te(c))} />
      <Button type="submit" name="intent" value="verify" disabled={pending} aria-busy={pending}>
        {pending ? t("verifying") : t("verify")}
      </Button>
      <ResendButton resendAt={Number(resendAt)} pending={pending} />
      <p className="text-center text-sm">
        {/* A full page load: back to step one with an empty form. */}
        <a href={next} className="text-brand-700 underline-offset-2 hover:underline">{t("otherIdentifier")}</a>
      </p>
    </form>
  );
}
