"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/lib/actions/change-password";
import { PasswordInput } from "@/components/auth/password-input";
import { NewPasswordInput } from "@/components/password/new-password-input";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/error-codes";
import { usePasswordFormErrors } from "@/components/password/use-password-form-errors";
import type { PasswordContext } from "@/lib/password/policy";

export function ChangePasswordForm({ context }: { context: PasswordContext }) {
  const t = useTranslations("security");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(changePasswordAction, {});
  const errors = usePasswordFormErrors(state);
  return (
    <form action={formAction} noValidate className="space-y-5" key={state.ok ? "done" : "form"}>
      <Alert id="change-password-message" tone={state.ok ? "info" : "error"}>
        {state.ok ? t("changed") : state.code ? te(state.code) : null}
      </Alert>
      <PasswordInput name="current" label={t("current")} autoComplete="current-password" maxLength={1100} errors={errors("current")} />
      <NewPasswordInput name="password" context={context} errors={errors("password")} />
      <Field name="confirm" label={t("confirm")} type="password" autoComplete="new-password" required maxLength={1100} errors={errors("confirm")} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
