"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { FormState } from "@/lib/error-codes";
import { ConfirmItsYouForm } from "./confirm-its-you-form";

/** A change's answer: its success words, its error, and the confirm-it's-you form when the proof is too old. */
export function ReauthOrError({ state, success, hasApp }: { state: FormState; success?: string; hasApp: boolean }) {
  const te = useTranslations("errors");
  return (
    <>
      <Alert tone={state.code ? "error" : "info"}>{state.code ? te(state.code) : state.ok ? success : null}</Alert>
      {state.code === "reauth_required" && <ConfirmItsYouForm hasApp={hasApp} />}
    </>
  );
}
