"use client";

import { useTranslations } from "next-intl";
import { ConfirmFreezeBox } from "@/components/freeze/confirm-freeze-box";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { freezeFromStatusAction } from "@/lib/actions/freeze";
import { useGuardedFormAction } from "./use-guarded-form-action";

/** 挂失 without signing in: the code (or session) proved the account; the server checks that again on the post. */
export function FreezePanel({ onChanged }: { onChanged: () => void }) {
  const t = useTranslations("accountStatus");
  const te = useTranslations("errors");
  const freeze = useGuardedFormAction(freezeFromStatusAction, onChanged);
  const confirmError = freeze.state.fieldErrors?.confirm?.[0];
  return (
    <section aria-labelledby="status-freeze" className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="status-freeze" className="font-medium">{t("freezeHeading")}</h2>
      <p className="text-sm text-ink-muted">{t("freezeHelp")}</p>
      <Alert id="status-freeze-message" tone={freeze.state.ok ? "info" : "error"}>
        {freeze.state.ok ? t("frozenNow") : freeze.state.code ? te(freeze.state.code) : null}
      </Alert>
      <form action={freeze.formAction} onSubmit={freeze.submit} noValidate className="space-y-3" aria-describedby="status-freeze-message">
        <ConfirmFreezeBox id="status-freeze-confirm" label={t("freezeConfirm")} error={confirmError ? te(confirmError) : undefined} />
        <Button type="submit" disabled={freeze.pending} aria-busy={freeze.pending}>
          {freeze.pending ? t("freezing") : t("freezeButton")}
        </Button>
      </form>
    </section>
  );
}
