"use client";

import { useActionState, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { PasswordInput } from "@/components/auth/password-input";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { sendUnfreezeCodeAction, unfreezeAction } from "@/lib/actions/freeze";
import type { FormState } from "@/lib/error-codes";
import type { UnfreezeMethod } from "@/lib/validation/freeze";
import { useGuardedFormAction } from "./use-guarded-form-action";

type Props = {
  proofs: UnfreezeMethod[];
  email: string | null;
  mobile: string | null;
  onUnfrozen: () => void;
};

/** The way back from a self-freeze: password and a second proof (the code is sent first when it comes by message). */
export function UnfreezePanel({ proofs, email, mobile, onUnfrozen }: Props) {
  const t = useTranslations("accountStatus");
  const te = useTranslations("errors");
  const [method, setMethod] = useState<UnfreezeMethod | undefined>(proofs[0]);
  const unfreeze = useGuardedFormAction(unfreezeAction, (state) => state.ok && onUnfrozen());
  const field = (name: string) => unfreeze.state.fieldErrors?.[name]?.map((code) => te(code));
  const twoStep = proofs.some((p) => p !== "email" && p !== "mobile");
  const label = (p: UnfreezeMethod) => t(`methods.${p}`, { email: email ?? "", mobile: mobile ?? "" });

  return (
    <section aria-labelledby="status-unfreeze" className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="status-unfreeze" className="font-medium">{t("unfreezeHeading")}</h2>
      {proofs.length === 0 ? (
        <p>{t("unfreezeNoProof")}</p>
      ) : (
        <>
          <p className="text-sm text-ink-muted">{twoStep ? t("unfreezeHelpTwoStep") : t("unfreezeHelpCode")}</p>
          <Alert id="status-unfreeze-message" tone="error">{unfreeze.state.code ? te(unfreeze.state.code) : null}</Alert>
          <form action={unfreeze.formAction} onSubmit={unfreeze.submit} noValidate className="space-y-4" aria-describedby="status-unfreeze-message">
            <PasswordInput name="password" id="unfreeze-password" label={t("password")} autoComplete="current-password" maxLength={1100} errors={field("password")} />
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t("proofLegend")}</legend>
              {proofs.map((p) => (
                <label key={p} className="flex items-center gap-2">
                  <input type="radio" name="method" value={p} checked={method === p} onChange={() => setMethod(p)} className="size-4" />
                  {label(p)}
                </label>
              ))}
            </fieldset>
            <Field name="code" id="unfreeze-code" label={t("proofCode")} type="text" autoComplete="one-time-code" maxLength={64} required errors={field("code")} />
            <Button type="submit" disabled={unfreeze.pending} aria-busy={unfreeze.pending}>
              {unfreeze.pending ? t("unfreezing") : t("unfreezeButton")}
            </Button>
          </form>
          {method && method !== "totp" && method !== "backup" && <SendCodeForm method={method} />}
        </>
      )}
      <Link href="/support" className="inline-block font-medium text-brand-700 underline">{t("askSupport")}</Link>
    </section>
  );
}

/** Sends the chosen method's code (SMS sign-in code, or an unfreeze code to the email or mobile). */
function SendCodeForm({ method }: { method: UnfreezeMethod }) {
  const t = useTranslations("accountStatus");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(sendUnfreezeCodeAction, {});
  const sent = state.ok && state.values?.method === method;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="method" value={method} />
      <Alert id="status-unfreeze-code-message" tone={sent ? "info" : "error"}>{sent ? t("proofCodeSent") : state.code ? te(state.code) : null}</Alert>
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending} aria-describedby="status-unfreeze-code-message">
        {t("sendProofCode")}
      </Button>
    </form>
  );
}
