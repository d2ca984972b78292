"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { forgotPasswordAction } from "@/lib/actions/forgot-password";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IdentifierField } from "@/components/auth/identifier-field";
import type { ErrorCode, FormState } from "@/lib/error-codes";

export function ForgotPasswordForm({ initialCode }: { initialCode?: ErrorCode }) {
  const t = useTranslations("forgotPassword");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(forgotPasswordAction, {});
  const code = state.code ?? (state.ok || state.fieldErrors ? undefined : initialCode);
  return (
    <form action={formAction} noValidate className="space-y-5">
      <Alert id="forgot-message" tone={state.ok ? "info" : "error"}>
        {state.ok ? t("sentEmail") : code ? te(code) : null}
      </Alert>
      <IdentifierField label={t("identifier")} hint={t("identifierHint")} value={state.values?.identifier} errors={state.fieldErrors?.identifier?.map((c) => te(c))} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
