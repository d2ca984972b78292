"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { agentSearchAction } from "@/lib/actions/agent-console";
import type { FormState } from "@/lib/error-codes";

/** One whole email or mobile number; a match opens the account, anything else says no account matches. */
export function AgentSearchForm() {
  const t = useTranslations("admin");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(agentSearchAction, {});
  const errors = [...(state.fieldErrors?.identifier ?? []), ...(state.code ? [state.code] : [])].map((code) => te(code));
  return (
    <form action={formAction} className="space-y-4">
      <Field name="identifier" label={t("searchLabel")} hint={t("searchHint")} errors={errors} defaultValue={state.values?.identifier} autoComplete="off" required />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("working") : t("searchButton")}
      </Button>
    </form>
  );
}
