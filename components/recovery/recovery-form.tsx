"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestRecoveryCodeAction, submitRecoveryAction } from "@/lib/actions/recovery";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { OneTimeCodeField } from "@/components/ui/one-time-code-field";
import type { FormState } from "@/lib/error-codes";

/** Step one proves a new contact by code; step two files the request; the answer is only ever a reference. */
export function RecoveryForm() {
  const t = useTranslations("recover");
  const te = useTranslations("errors");
  const [sent, requestCode, sending] = useActionState<FormState, FormData>(requestRecoveryCodeAction, {});
  const [filed, submit, submitting] = useActionState<FormState, FormData>(submitRecoveryAction, {});
  const errorsOf = (state: FormState, name: string) => state.fieldErrors?.[name]?.map((c) => te(c));

  if (filed.ok) {
    return (
      <div className="space-y-3" role="status">
        <p className="font-medium">{t("filed")}</p>
        <p>
          {t("reference")} <strong id="recovery-reference">{filed.values?.reference}</strong>
        </p>
        <p className="text-ink-muted">{t("filedNext")}</p>
      </div>
    );
  }
  if (!sent.ok) {
    return (
      <form action={requestCode} noValidate className="space-y-5">
        <Alert id="recover-code-message" tone="error">{sent.code ? te(sent.code) : null}</Alert>
        <Field name="contact" label={t("contact")} hint={t("contactHint")} autoComplete="email" defaultValue={sent.values?.contact} errors={errorsOf(sent, "contact")} />
        <Button type="submit" disabled={sending} aria-busy={sending}>
          {sending ? t("sending") : t("sendCode")}
        </Button>
      </form>
    );
  }
  const values = filed.values ?? {};
  return (
    <form action={submit} noValidate className="space-y-5">
      <Alert id="recover-message" tone={filed.code ? "error" : "info"}>{filed.code ? te(filed.code) : t("codeSent", { contact: sent.values?.contact ?? "" })}</Alert>
      <input type="hidden" name="contact" value={sent.values?.contact ?? ""} />
      <OneTimeCodeField label={t("code")} errors={errorsOf(filed, "code")} />
      <Field name="account" label={t("account")} hint={t("accountHint")} defaultValue={values.account} errors={errorsOf(filed, "account")} />
      <Field name="registrationMonth" label={t("registrationMonth")} hint={t("registrationMonthHint")} placeholder="2023-05" defaultValue={values.registrationMonth} errors={errorsOf(filed, "registrationMonth")} />
      <Field name="amount" label={t("amount")} hint={t("amountHint")} inputMode="decimal" defaultValue={values.amount} errors={errorsOf(filed, "amount")} />
      <Field name="photo" type="file" label={t("photo")} hint={t("photoHint")} accept="image/png,image/jpeg,image/webp" errors={errorsOf(filed, "photo")} />
      <Button type="submit" disabled={submitting} aria-busy={submitting}>
        {submitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
