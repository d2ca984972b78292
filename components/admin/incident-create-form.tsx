"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { agentCreateIncidentAction } from "@/lib/actions/agent-incidents";
import type { FormState } from "@/lib/error-codes";
import { featureField, INCIDENT_BODY_MAX, INCIDENT_SEVERITIES, INCIDENT_TITLE_MAX } from "@/lib/validation/incidents";
import { IncidentFeaturesField } from "./incident-features-field";
import { SelectField } from "./select-field";
import { TextArea } from "./text-area";

/** Posts a new incident in both languages; a success opens its page. */
export function IncidentCreateForm() {
  const t = useTranslations("admin");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(agentCreateIncidentAction, {});
  const errorsOf = (field: string) => state.fieldErrors?.[field]?.map((code) => te(code));
  const value = (field: string) => state.values?.[field];
  return (
    <section aria-labelledby="create-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <h2 id="create-heading" className="mb-4 font-medium">{t("incidents.createHeading")}</h2>
      <form action={formAction} className="space-y-4">
        <Alert id="create-message" tone="error">{state.code ? te(state.code) : null}</Alert>
        <Field id="incident-title-zh" name="titleZh" label={t("incidents.titleZh")} errors={errorsOf("titleZh")} defaultValue={value("titleZh")} required maxLength={INCIDENT_TITLE_MAX} />
        <Field id="incident-title-en" name="titleEn" label={t("incidents.titleEn")} errors={errorsOf("titleEn")} defaultValue={value("titleEn")} required maxLength={INCIDENT_TITLE_MAX} />
        <TextArea id="incident-body-zh" name="bodyZh" label={t("incidents.bodyZh")} errors={errorsOf("bodyZh")} defaultValue={value("bodyZh")} required maxLength={INCIDENT_BODY_MAX} />
        <TextArea id="incident-body-en" name="bodyEn" label={t("incidents.bodyEn")} errors={errorsOf("bodyEn")} defaultValue={value("bodyEn")} required maxLength={INCIDENT_BODY_MAX} />
        <SelectField
          id="incident-severity"
          name="severity"
          label={t("incidents.severity")}
          options={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(`incidents.severities.${s}`) }))}
          defaultValue={value("severity")}
          errors={errorsOf("severity")}
        />
        <IncidentFeaturesField ticked={(feature) => value(featureField(feature)) === "on"} errors={errorsOf("features")} />
        <Field id="create-reason" name="reason" label={t("reasonLabel")} hint={t("reasonHint")} errors={errorsOf("reason")} defaultValue={value("reason")} required maxLength={500} />
        <Button type="submit" disabled={pending} aria-busy={pending} aria-describedby="create-message">
          {pending ? t("working") : t("incidents.createButton")}
        </Button>
      </form>
    </section>
  );
}
