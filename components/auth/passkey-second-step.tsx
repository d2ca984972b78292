"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/error-codes";
import { useWebAuthnSupport } from "@/lib/passkeys/use-webauthn-support";

/** "Use a passkey" as the second factor: shown only where the browser can do WebAuthn (it needs JavaScript). */
type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export function PasskeySecondStep({ callbackUrl, verify, passkeyOptions }: { callbackUrl: string; verify: Action; passkeyOptions: Action }) {
  const t = useTranslations("secondStep");
  const te = useTranslations("errors");
  const supported = useWebAuthnSupport();
  const [state, setState] = useState<FormState>({});
  const [pending, startTransition] = useTransition();
  if (!supported) return null;

  function usePasskey() {
    startTransition(async () => {
      const options = await passkeyOptions({}, new FormData());
      if (!options.ok || !options.values?.options) return setState(options);
      const response = await startAuthentication({ optionsJSON: JSON.parse(options.values.options) }).catch(() => null);
      if (!response) return setState({ code: "passkey_invalid" });
      const form = new FormData();
      form.set("method", "passkey");
      form.set("response", JSON.stringify(response));
      form.set("callbackUrl", callbackUrl);
      setState(await verify({}, form));
    });
  }

  return (
    <section className="space-y-3" aria-labelledby="second-step-passkey">
      <h2 id="second-step-passkey" className="font-medium">{t("passkeyHeading")}</h2>
      <Alert id="second-step-passkey-message" tone="error">{state.code ? te(state.code) : null}</Alert>
      <Button type="button" variant="secondary" onClick={usePasskey} disabled={pending} aria-busy={pending}>
        {pending ? t("verifying") : t("passkeyUse")}
      </Button>
    </section>
  );
}
