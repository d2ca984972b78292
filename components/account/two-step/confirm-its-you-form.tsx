"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { PasswordInput } from "@/components/auth/password-input";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { confirmIdentityAction } from "@/lib/actions/confirm-identity";
import type { FormState } from "@/lib/error-codes";

/** Shown where a change answered reauth_required: the password, or a code from the app, renews the proof for 10 minutes. */
export function ConfirmItsYouForm({ hasApp }: { hasApp: boolean }) {
  const t = useTranslations("twoStep.confirm");
  const te = useTranslations("errors");
  const id = useId();
  const [state, formAction, pending] = useActionState<FormState, FormData>(confirmIdentityAction, {});
  const headingId = `${id}-heading`;
  const errors = (field: string) => state.fieldErrors?.[field]?.map((c) => te(c));
  if (state.ok) return <Alert tone="info">{t("done")}</Alert>;
  return (
    <div role="group" aria-labelledby={headingId} className="space-y-4 rounded-lg border border-caution-800/30 bg-caution-50 p-4">
      <h4 id={headingId} className="font-medium">{t("title")}</h4>
      <p className="text-sm">{t("intro")}</p>
      <Alert tone="error">{state.code ? te(state.code) : null}</Alert>
      <form action={formAction} noValidate className="space-y-3">
        <input type="hidden" name="method" value="password" />
        <PasswordInput id={`${id}-password`} name="password" label={t("password")} autoComplete="current-password" maxLength={1100} errors={errors("password")} />
        <Button type="submit" disabled={pending} aria-busy={pending}>{pending ? t("confirming") : t("withPassword")}</Button>
      </form>
      {hasApp && (
        <form action={formAction} noValidate className="space-y-3">
          <input type="hidden" name="method" value="code" />
          <Field id={`${id}-code`} name="code" label={t("code")} type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={20} required errors={errors("code")} />
          <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>{pending ? t("confirming") : t("withCode")}</Button>
        </form>
      )}
    </div>
  );
}
