"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { reportNotMeAction } from "@/lib/actions/freeze";
import type { FormState } from "@/lib/error-codes";

const FREEZES = ["frozen", "already_self_frozen", "support_frozen"] as const;

/** The confirmation, and after it what happened and what to do next. */
export function NotMeForm({ token }: { token: string }) {
  const t = useTranslations("notMe");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(reportNotMeAction, {});
  if (state.ok) return <NotMeDone values={state.values ?? {}} />;
  return (
    <form action={formAction} className="space-y-4">
      <h2 className="font-medium">{t("whatHeading")}</h2>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {[0, 1, 2].map((i) => (
          <li key={i}>{t(`what.${i}`)}</li>
        ))}
      </ul>
      <Alert id="not-me-message" tone="error">{state.code ? te(state.code) : null}</Alert>
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending} aria-busy={pending} aria-describedby="not-me-message">
        {pending ? t("confirming") : t("confirm")}
      </Button>
    </form>
  );
}

function NotMeDone({ values }: { values: Record<string, string> }) {
  const t = useTranslations("notMe");
  const freeze = FREEZES.find((f) => f === values.freeze) ?? "frozen";
  return (
    <div className="space-y-3" data-testid="not-me-done">
      <Alert tone="info">{t(`done.${freeze}`)}</Alert>
      {values.reset === "email" && <p>{t("resetEmail", { to: values.sentTo })}</p>}
      {values.reset === "sms" && (
        <p>
          {t("resetSms", { to: values.sentTo })}{" "}
          <Link href={`/reset-password?${new URLSearchParams({ mobile: values.mobile })}`} className="font-medium text-brand-700 underline">{t("enterCode")}</Link>
        </p>
      )}
      {values.reset === "limited" && <p>{t("resetLimited")}</p>}
      {values.reset === "none" && <p>{t("resetNone")}</p>}
      <p className="text-sm text-ink-muted">{t("next")}</p>
      <Link href="/account-status" className="inline-block font-medium text-brand-700 underline">{t("toStatus")}</Link>
    </div>
  );
}
