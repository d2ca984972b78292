"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { regenerateBackupCodesAction } from "@/lib/actions/two-step-methods";
import type { BackupCodesState } from "@/lib/two-step/two-step-states";
import { ReauthOrError } from "./reauth-or-error";

/** Generates ten codes and shows them this once (they live only in this answer); a new set replaces the old. */
export function BackupCodesPanel({ remaining, hasApp }: { remaining: number; hasApp: boolean }) {
  const t = useTranslations("twoStep.backup");
  const replaces = remaining > 0;
  const [state, formAction, pending] = useActionState<BackupCodesState, FormData>(regenerateBackupCodesAction, {});
  return (
    <div className="space-y-3">
      <p className="text-sm">{t("remaining", { count: remaining })}</p>
      <ReauthOrError state={state.codes ? {} : state} hasApp={hasApp} />
      {state.codes && (
        <div className="space-y-3">
          <Alert tone="warning">{t("showOnce")}</Alert>
          <ol aria-label={t("listLabel")} data-testid="backup-codes" className="grid grid-cols-2 gap-2 rounded-lg bg-slate-100 p-3 font-mono text-base">
            {state.codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ol>
          <p className="text-sm text-ink-muted">{t("copied")}</p>
        </div>
      )}
      <form action={formAction} className="space-y-2">
        {replaces && <p className="text-sm text-ink-muted">{t("regenerateHint")}</p>}
        <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
          {pending ? t("generating") : replaces ? t("regenerate") : t("generate")}
        </Button>
      </form>
    </div>
  );
}
