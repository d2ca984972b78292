"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { agentFreezeAction, agentUnfreezeAction, agentUnlockAction } from "@/lib/actions/agent-console";
import type { FormState } from "@/lib/error-codes";

const CHANGES = {
  unlock: { action: agentUnlockAction, heading: "unlockHeading", button: "unlockButton", done: "unlocked" },
  freeze: { action: agentFreezeAction, heading: "freezeHeading", button: "freezeButton", done: "frozen" },
  unfreeze: { action: agentUnfreezeAction, heading: "unfreezeHeading", button: "unfreezeButton", done: "unfrozen" },
} as const;

export type AgentChange = keyof typeof CHANGES;

/** One console change on one account: always with a reason, and a case reference for a freeze. */
export function AgentChangeForm({ change, accountId }: { change: AgentChange; accountId: string }) {
  const t = useTranslations("admin");
  const te = useTranslations("errors");
  const { action, heading, button, done } = CHANGES[change];
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  const errorsOf = (field: string) => state.fieldErrors?.[field]?.map((code) => te(code));
  const messageId = `${change}-message`;
  return (
    <section aria-labelledby={`${change}-heading`} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <h2 id={`${change}-heading`} className="mb-4 font-medium">{t(heading)}</h2>
      <form action={formAction} className="space-y-4">
        <Alert id={messageId} tone={state.ok ? "info" : "error"}>
          {state.ok ? t(done) : state.code ? te(state.code) : null}
        </Alert>
        <input type="hidden" name="accountId" value={accountId} />
        <Field id={`${change}-reason`} name="reason" label={t("reasonLabel")} hint={t("reasonHint")} errors={errorsOf("reason")} defaultValue={state.ok ? "" : state.values?.reason} required maxLength={500} />
        {change === "freeze" && (
          <Field id="freeze-case" name="caseRef" label={t("caseRefLabel")} hint={t("caseRefHint")} errors={errorsOf("caseRef")} defaultValue={state.ok ? "" : state.values?.caseRef} required />
        )}
        <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending} aria-describedby={messageId}>
          {pending ? t("working") : t(button)}
        </Button>
      </form>
    </section>
  );
}
