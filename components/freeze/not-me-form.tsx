"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { reportNotMeAction } from "@/lib/actions/freeze";
import type { FormState } from "@/lib/error-codes";

/** The confirmation; the action then sends the browser to the page's "done" view. */
export function NotMeForm({ token }: { token: string }) {
  const t = useTranslations("notMe");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(reportNotMeAction, {});
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
