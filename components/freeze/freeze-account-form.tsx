"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { freezeAccountAction } from "@/lib/actions/freeze";
import type { FormState } from "@/lib/error-codes";
import { ConfirmFreezeBox } from "./confirm-freeze-box";

/** The signed-in freeze; on success the action sends this browser to the status view. */
export function FreezeAccountForm({ caseRef }: { caseRef: string | null }) {
  const t = useTranslations("freeze");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(freezeAccountAction, {});
  const confirmError = state.fieldErrors?.confirm?.[0];
  return (
    <form action={formAction} noValidate className="space-y-4">
      <Alert id="freeze-message" tone="error">{state.code ? te(state.code) : null}</Alert>
      {caseRef && <input type="hidden" name="case" value={caseRef} />}
      <ConfirmFreezeBox id="freeze-confirm" label={t("confirm")} error={confirmError ? te(confirmError) : undefined} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
