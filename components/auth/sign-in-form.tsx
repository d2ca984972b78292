"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "@/lib/actions/sign-in";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IdentifierField } from "@/components/auth/identifier-field";
import { KnownIncidentNote } from "@/components/status/known-incident-note";
import type { ErrorCode, FormState } from "@/lib/error-codes";
import { PasswordInput } from "./password-input";
import { SignInNotice } from "./sign-in-notice";
import { useNetworkGuardedAction } from "./use-network-guarded-action";

/** `knownIncident`: the title of an open incident that affects sign-in, mentioned with any failure. */
type Props = { callbackUrl: string; initialCode?: ErrorCode; knownIncident?: string };

export function SignInForm({ callbackUrl, initialCode, knownIncident }: Props) {
  const t = useTranslations("signIn");
  const te = useTranslations("errors");
  // Without JavaScript the form posts the server action natively; with it, submits go through the network guard.
  const [nativeState, formAction, nativePending] = useActionState<FormState, FormData>(signInAction, {});
  const guarded = useNetworkGuardedAction(signInAction);
  const state = guarded.state ?? nativeState;
  const paused = state.code === "sign_in_paused" || state.code === "ip_throttled";
  const pending = guarded.pending || nativePending;
  const code = state.code ?? (state === nativeState && !nativeState.fieldErrors ? initialCode : undefined);
  const fieldErrors = (field: string) => state.fieldErrors?.[field]?.map((c) => te(c));

  return (
    <form action={formAction} onSubmit={guarded.submit} noValidate className="space-y-5" aria-describedby="sign-in-message">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Alert id="sign-in-message" tone={paused ? "warning" : "error"}>
        {code ? (
          <>
            <SignInNotice code={code} until={state.until} />
            {knownIncident ? <KnownIncidentNote title={knownIncident} /> : null}
          </>
        ) : null}
      </Alert>
      <IdentifierField label={t("identifier")} hint={t("identifierHint")} value={state.values?.identifier} errors={fieldErrors("identifier")} autoComplete="username webauthn" />
      <PasswordInput name="password" label={t("password")} autoComplete="current-password" maxLength={1100} errors={fieldErrors("password")} />
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="remember" defaultChecked={state.values?.remember === "on"} className="size-4" aria-describedby="remember-hint" />
          {t("remember")}
        </label>
        <p id="remember-hint" className="pl-6 text-sm text-ink-muted">
          {t("rememberHint")}
        </p>
      </div>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
