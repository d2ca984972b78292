"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { setSmsTwoStepAction } from "@/lib/actions/two-step-methods";
import type { FormState } from "@/lib/error-codes";
import { ReauthOrError } from "./reauth-or-error";

/** Codes by SMS on or off; without a mobile on the account there is nothing to turn on. */
export function SmsTwoStepPanel({ on, hasMobile, hasApp }: { on: boolean; hasMobile: boolean; hasApp: boolean }) {
  const t = useTranslations("twoStep.sms");
  const [state, formAction, pending] = useActionState<FormState, FormData>(setSmsTwoStepAction, {});
  if (!hasMobile && !on) return null;
  return (
    <div className="space-y-3">
      <ReauthOrError state={state} success={on ? t("turnedOn") : t("turnedOff")} hasApp={hasApp} />
      <form action={formAction}>
        <input type="hidden" name="turn" value={on ? "off" : "on"} />
        <Button type="submit" variant={on ? "secondary" : "primary"} disabled={pending} aria-busy={pending}>
          {pending ? t("saving") : on ? t("turnOff") : t("turnOn")}
        </Button>
      </form>
    </div>
  );
}
