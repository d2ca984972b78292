"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { agentApproveRecoveryAction, agentRefuseRecoveryAction } from "@/lib/actions/agent-recovery";
import type { FormState } from "@/lib/error-codes";

const card = "rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6";
const ACTIONS = { approve: agentApproveRecoveryAction, refuse: agentRefuseRecoveryAction } as const;

/** Approving or refusing a recovery request: each needs a reason, like every change in the console. */
export function AgentRecoveryDecisionForm({ reference, decision }: { reference: string; decision: keyof typeof ACTIONS }) {
  const t = useTranslations("admin");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(ACTIONS[decision], {});
  return (
    <section aria-labelledby={`${decision}-heading`} className={card}>
      <h2 id={`${decision}-heading`} className="mb-2 font-medium">{t(`recovery.${decision}Heading`)}</h2>
      <p className="mb-4 text-sm text-ink-muted">{t(`recovery.${decision}Hint`)}</p>
      <form action={formAction} className="space-y-4">
        <Alert id={`${decision}-message`} tone="error">{state.code ? te(state.code) : null}</Alert>
        <input type="hidden" name="reference" value={reference} />
        <Field id={`${decision}-reason`} name="reason" label={t("reasonLabel")} hint={t("reasonHint")} errors={state.fieldErrors?.reason?.map((code) => te(code))} defaultValue={state.values?.reason} required maxLength={500} />
        <Button type="submit" variant={decision === "approve" ? "primary" : "secondary"} disabled={pending} aria-busy={pending} aria-describedby={`${decision}-message`}>
          {pending ? t("working") : t(`recovery.${decision}Button`)}
        </Button>
      </form>
    </section>
  );
}
