"use client";

import { useTranslations } from "next-intl";
import { statusCodeAction } from "@/lib/actions/account-status";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IdentifierField } from "@/components/auth/identifier-field";
import { CodeStep } from "./code-step";
import { useGuardedFormAction } from "./use-guarded-form-action";

/**
 * Signed out: identifier → code → (redirect) the status, or `next` (the support form). One action, so both steps
 * work without JavaScript.
 */
export function StatusCodeFlow({ next = "/account-status" }: { next?: "/account-status" | "/support/new" }) {
  const t = useTranslations("accountStatus");
  const te = useTranslations("errors");
  const { state, formAction, pending, submit } = useGuardedFormAction(statusCodeAction);
  if (state.values?.step === "code") return <CodeStep state={state} formAction={formAction} submit={submit} pending={pending} />;

  return (
    <form action={formAction} onSubmit={submit} noValidate className="space-y-5" aria-describedby="status-request-message">
      <input type="hidden" name="intent" value="request" />
      <input type="hidden" name="next" value={next} />
      <Alert id="status-request-message" tone={state.code === "rate_limited" ? "warning" : "error"}>
        {state.code ? te(state.code) : null}
      </Alert>
      <IdentifierField label={t("identifier")} hint={t("identifierHint")} value={state.values?.identifier} errors={state.fieldErrors?.identifier?.map((c) => te(c))} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("sending") : t("sendCode")}
      </Button>
    </form>
  );
}
