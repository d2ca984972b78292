"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { NewPasswordInput } from "@/components/password/new-password-input";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { placeResetHoldAction } from "@/lib/actions/reset-hold";
import type { FormState } from "@/lib/error-codes";
import { usePasswordFormErrors } from "@/components/password/use-password-form-errors";
import type { PasswordContext } from "@/lib/password/policy-codes";

/** "I can't use any of my second factors": a new password that waits 72 hours, with what that wait means. */
export function ResetHoldForm({ context }: { context: PasswordContext }) {
  const t = useTranslations("resetHold");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(placeResetHoldAction, {});
  const errors = usePasswordFormErrors(state);
  return (
    <section aria-labelledby="reset-hold-heading" className="space-y-4">
      <h2 id="reset-hold-heading" className="text-lg font-semibold">{t("formHeading")}</h2>
      <p>{t("formIntro")}</p>
      <ul className="list-disc space-y-1 pl-5 text-sm text-ink-muted">
        <li>{t("pointAnnounced")}</li>
        <li>{t("pointOldWorks")}</li>
        <li>{t("pointAfter")}</li>
      </ul>
      <form action={formAction} noValidate className="space-y-5">
        <Alert id="reset-hold-message" tone="error">
          {state.code ? te(state.code) : null}
        </Alert>
        <NewPasswordInput name="password" context={context} errors={errors("password")} />
        <Field name="confirm" label={t("confirm")} type="password" autoComplete="new-password" required maxLength={1100} errors={errors("confirm")} />
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? t("saving") : t("submit")}
        </Button>
      </form>
    </section>
  );
}
