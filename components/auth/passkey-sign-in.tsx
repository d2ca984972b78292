"use client";

import { browserSupportsWebAuthnAutofill, startAuthentication, type AuthenticationResponseJSON } from "@simplewebauthn/browser";
import { startTransition, useActionState, useCallback, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { signInWithPasskeyAction } from "@/lib/actions/sign-in-with-passkey";
import type { ErrorCode, FormState } from "@/lib/error-codes";
import { fetchPasskeyOptions, promptErrorCode } from "@/lib/passkeys/passkey-prompt";
import { useWebAuthnSupport } from "@/lib/passkeys/use-webauthn-support";

/**
 * "Sign in with a passkey", and the browser's own passkey suggestions on the identifier field (conditional UI)
 * where offered. Shown only once JavaScript runs in a browser that supports WebAuthn: without it, the page is the
 * password form alone.
 */
export function PasskeySignIn({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("passkeys");
  const te = useTranslations("errors");
  const supported = useWebAuthnSupport();
  const [prompting, setPrompting] = useState(false);
  const [promptCode, setPromptCode] = useState<ErrorCode>();
  const [state, formAction, submitting] = useActionState<FormState, FormData>(signInWithPasskeyAction, {});

  const submit = useCallback(
    (response: AuthenticationResponseJSON) => {
      const form = new FormData();
      form.set("response", JSON.stringify(response));
      form.set("callbackUrl", callbackUrl);
      startTransition(() => formAction(form));
    },
    [callbackUrl, formAction],
  );

  useEffect(() => {
    if (!supported) return;
    let live = true;
    // Conditional UI: the prompt waits quietly until the user picks a passkey among the field's suggestions.
    void (async () => {
      if (!(await browserSupportsWebAuthnAutofill()) || !live) return;
      try {
        const optionsJSON = await fetchPasskeyOptions("sign_in");
        if (live) submit(await startAuthentication({ optionsJSON, useBrowserAutofill: true }));
      } catch {
        // The suggestions are a convenience: the button and the password form remain.
      }
    })();
    return () => {
      live = false;
    };
  }, [supported, submit]);

  async function signInWithPasskey() {
    setPromptCode(undefined);
    setPrompting(true);
    try {
      // Replaces (aborts) the waiting conditional prompt, if any.
      submit(await startAuthentication({ optionsJSON: await fetchPasskeyOptions("sign_in") }));
    } catch (error) {
      setPromptCode(promptErrorCode(error));
    } finally {
      setPrompting(false);
    }
  }

  if (!supported) return null;
  const code = promptCode ?? state.code ?? state.fieldErrors?.response?.[0];
  const pending = prompting || submitting;
  return (
    <div className="mt-5 space-y-3">
      <p className="flex items-center gap-3 text-sm text-ink-muted before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200">{t("or")}</p>
      <Alert id="passkey-sign-in-message" tone="error">
        {code ? te(code) : null}
      </Alert>
      <Button type="button" variant="secondary" onClick={signInWithPasskey} disabled={pending} aria-busy={pending} aria-describedby="passkey-sign-in-message">
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </div>
  );
}
