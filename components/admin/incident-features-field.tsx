"use client";

import { useTranslations } from "next-intl";
import { featureField, INCIDENT_FEATURES, type IncidentFeature } from "@/lib/validation/incidents";

/** One checkbox per feature an incident can affect; at least one is required, the error shown below the group. */
export function IncidentFeaturesField({ ticked, errors }: { ticked: (feature: IncidentFeature) => boolean; errors?: string[] }) {
  const t = useTranslations("admin.incidents");
  const ts = useTranslations("status.features");
  return (
    <fieldset aria-describedby="incident-features-hint incident-features-error" className="space-y-2">
      <legend className="text-sm font-medium">{t("features")}</legend>
      <p id="incident-features-hint" className="text-sm text-ink-muted">{t("featuresHint")}</p>
      <ul className="grid gap-2 sm:grid-cols-2">
        {INCIDENT_FEATURES.map((feature) => (
          <li key={feature}>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={featureField(feature)} defaultChecked={ticked(feature)} className="size-5 accent-brand-600" />
              {ts(feature)}
            </label>
          </li>
        ))}
      </ul>
      <p id="incident-features-error" aria-live="polite" className="text-sm text-danger-700">{errors?.join(" ")}</p>
    </fieldset>
  );
}
