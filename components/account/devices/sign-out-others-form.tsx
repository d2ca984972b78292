"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { signOutOtherDevicesAction } from "@/lib/actions/devices";
import type { FormState } from "@/lib/error-codes";

/** "Sign out all other devices", behind a confirmation; its answer stays on screen after the list has emptied. */
export function SignOutOthersForm({ hasOthers }: { hasOthers: boolean }) {
  const t = useTranslations("devices");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(signOutOtherDevicesAction, {});
  return (
    <div className="mt-5 space-y-3">
      <Alert id="sign-out-others-message" tone={state.code ? "error" : "info"}>
        {state.ok ? t("signedOutOthers") : state.code ? te(state.code) : null}
      </Alert>
      {hasOthers ? (
        <details>
          <summary className="inline-flex min-h-11 w-full cursor-pointer list-none items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-medium hover:bg-slate-100">
            {t("signOutOthers")}
          </summary>
          <form action={formAction} className="mt-3 space-y-3 rounded-lg bg-slate-50 p-3 text-sm">
            <p>{t("confirmSignOutOthers")}</p>
            <Button type="submit" disabled={pending} aria-busy={pending} aria-describedby="sign-out-others-message">
              {pending ? t("working") : t("confirmSignOutOthersButton")}
            </Button>
          </form>
        </details>
      ) : (
        !state.ok && <p className="text-sm text-ink-muted">{t("onlyThisDevice")}</p>
      )}
    </div>
  );
}
