"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { agentUpdateVersionRuleAction } from "@/lib/actions/agent-incidents";
import type { FormState } from "@/lib/error-codes";
import { VERSION_MESSAGE_MAX } from "@/lib/validation/incidents";

export type VersionRuleFields = { platform: "ios" | "android" | "harmony"; minimum: string; latest: string; updateUrl: string; messageZh: string; messageEn: string };

/** Edits one platform's rule; a refused field keeps what the agent typed, with the reason next to it. */
export function VersionRuleForm({ rule }: { rule: VersionRuleFields }) {
  const t = useTranslations("admin");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(agentUpdateVersionRuleAction, {});
  const errorsOf = (field: string) => state.fieldErrors?.[field]?.map((code) => te(code));
  const { platform } = rule;
  const value = (field: keyof VersionRuleFields) => (state.ok ? rule[field] : (state.values?.[field] ?? rule[field]));
  const id = (field: string) => `${platform}-${field}`;
  return (
    <form action={formAction} className="space-y-4" aria-labelledby={id("heading")}>
      <Alert id={id("message")} tone={state.ok ? "info" : "error"}>
        {state.ok ? t("versions.saved") : state.code ? te(state.code) : null}
      </Alert>
      <input type="hidden" name="platform" value={platform} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("minimum")} name="minimum" label={t("versions.minimum")} errors={errorsOf("minimum")} defaultValue={value("minimum")} required maxLength={64} />
        <Field id={id("latest")} name="latest" label={t("versions.latest")} errors={errorsOf("latest")} defaultValue={value("latest")} required maxLength={64} />
      </div>
      <Field id={id("update-url")} name="updateUrl" type="url" label={t("versions.updateUrl")} errors={errorsOf("updateUrl")} defaultValue={value("updateUrl")} required maxLength={500} />
      <Field id={id("message-zh")} name="messageZh" label={t("versions.messageZh")} errors={errorsOf("messageZh")} defaultValue={value("messageZh")} required maxLength={VERSION_MESSAGE_MAX} />
      <Field id={id("message-en")} name="messageEn" label={t("versions.messageEn")} errors={errorsOf("messageEn")} defaultValue={value("messageEn")} required maxLength={VERSION_MESSAGE_MAX} />
      <Field id={id("reason")} name="reason" label={t("reasonLabel")} hint={t("reasonHint")} errors={errorsOf("reason")} defaultValue={state.ok ? "" : state.values?.reason} required maxLength={500} />
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending} aria-describedby={id("message")}>
        {pending ? t("working") : t("versions.saveButton", { platform: t(`versions.platforms.${platform}`) })}
      </Button>
    </form>
  );
}
