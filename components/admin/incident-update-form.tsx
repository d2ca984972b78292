"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { agentUpdateIncidentAction } from "@/lib/actions/agent-incidents";
import type { FormState } from "@/lib/error-codes";
import { INCIDENT_BODY_MAX, INCIDENT_STATUSES } from "@/lib/validation/incidents";
import { SelectField } from "./select-field";
import { TextArea } from "./text-area";

/** Posts an update to an open incident with its new status; "resolved" ends it. */
export function IncidentUpdateForm({ incidentId }: { incidentId: string }) {
  const t = useTranslations("admin");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(agentUpdateIncidentAction, {});
  const errorsOf = (field: string) => state.fieldErrors?.[field]?.map((code) => te(code));
  const value = (field: string) => (state.ok ? undefined : state.values?.[field]);
  return (
    <section aria-labelledby="update-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <h2 id="update-heading" className="mb-1 font-medium">{t("incidents.updateHeading")}</h2>
      <p className="mb-4 text-sm text-ink-muted">{t("incidents.updateHint")}</p>
      <form action={formAction} className="space-y-4">
        <Alert id="update-message" tone={state.ok ? "info" : "error"}>
          {state.ok ? t("incidents.updated") : state.code ? te(state.code) : null}
        </Alert>
        <input type="hidden" name="incidentId" value={incidentId} />
        <SelectField
          id="update-status"
          name="status"
          label={t("incidents.statusLabel")}
          options={INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`incidents.statuses.${s}`) }))}
          defaultValue={value("status")}
          errors={errorsOf("status")}
        />
        <TextArea id="update-body-zh" name="bodyZh" label={t("incidents.bodyZh")} errors={errorsOf("bodyZh")} defaultValue={value("bodyZh")} required maxLength={INCIDENT_BODY_MAX} />
        <TextArea id="update-body-en" name="bodyEn" label={t("incidents.bodyEn")} errors={errorsOf("bodyEn")} defaultValue={value("bodyEn")} required maxLength={INCIDENT_BODY_MAX} />
        <Field id="update-reason" name="reason" label={t("reasonLabel")} hint={t("reasonHint")} errors={errorsOf("reason")} defaultValue={value("reason")} required maxLength={500} />
        <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending} aria-describedby="update-message">
          {pending ? t("working") : t("incidents.updateButton")}
        </Button>
      </form>
    </section>
  );
}
