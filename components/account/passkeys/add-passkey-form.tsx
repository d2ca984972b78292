"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { addPasskeyAction } from "@/lib/actions/passkeys";
import type { ErrorCode, FormState } from "@/lib/error-codes";
import { fetchPasskeyOptions, promptErrorCode } from "@/lib/passkeys/passkey-prompt";
import { useWebAuthnSupport } from "@/lib/passkeys/use-webauthn-support";
import { PASSKEY_NAME_MAX } from "@/lib/validation/passkeys";

/**
 * Names a new passkey, has the browser create it (the device verifies the user), then stores it. Creating one needs
 * JavaScript and WebAuthn: before that, or without them, the form says so instead of offering a dead button.
 */
export function AddPasskeyForm() {
  const t = useTranslations("passkeys");
  const te = useTranslations("errors");
  const supported = useWebAuthnSupport();
  const [prompting, setPrompting] = useState(false);
  const [promptCode, setPromptCode] = useState<ErrorCode>();
  const [state, formAction, saving] = useActionState<FormState, FormData>(addPasskeyAction, {});

  async function addPasskey(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPromptCode(undefined);
    if (!String(form.get("name") ?? "").trim()) return setPromptCode("passkey_name_required");
    setPrompting(true);
    try {
      const response = await startRegistration({ optionsJSON: await fetchPasskeyOptions("register") });
      form.set("response", JSON.stringify(response));
      startTransition(() => formAction(form));
    } catch (error) {
      setPromptCode(promptErrorCode(error));
    } finally {
      setPrompting(false);
    }
  }

  if (supported === undefined) return null;
  if (!supported) return <p className="mt-5 text-sm text-ink-muted">{t("unsupported")}</p>;
  const nameErrors = (promptCode === "passkey_name_required" ? [promptCode] : state.fieldErrors?.name)?.map((c) => te(c));
  const code = promptCode === "passkey_name_required" ? undefined : (promptCode ?? state.code ?? state.fieldErrors?.response?.[0]);
  const pending = prompting || saving;
  return (
    <form onSubmit={addPasskey} noValidate className="mt-5 space-y-4" key={state.ok ? "added" : "form"} aria-describedby="add-passkey-message">
      <Alert id="add-passkey-message" tone={state.ok && !promptCode ? "info" : "error"}>
        {state.ok && !promptCode ? t("added") : code ? te(code) : null}
      </Alert>
      <Field name="name" label={t("name")} hint={t("nameHint")} autoComplete="off" required maxLength={PASSKEY_NAME_MAX} defaultValue={state.values?.name} errors={nameErrors} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("adding") : t("add")}
      </Button>
    </form>
  );
}
