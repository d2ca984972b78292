"use client";

import { useActionState, useState, useTransition } from "react";
import { ACTION_TIMEOUT_MS } from "@/components/auth/use-network-guarded-action";
import type { FormState } from "@/lib/error-codes";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * Like the sign-in form's network guard, for multi-step forms: the form posts natively before JavaScript
 * loads; afterwards a lost connection or a timeout keeps the current step and says what happened.
 * `onResult` runs after each answer (JavaScript only; without it the page is rendered afresh anyway).
 */
export function useGuardedFormAction(action: Action, onResult?: (state: FormState) => void) {
  const [nativeState, formAction, nativePending] = useActionState<FormState, FormData>(action, {});
  const [guarded, setGuarded] = useState<FormState | null>(null);
  const [pending, startTransition] = useTransition();
  const state = guarded ?? nativeState;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    const kept: FormState = { values: state.values };
    if (!navigator.onLine) return setGuarded({ ...kept, code: "network_failed" });
    startTransition(async () => {
      const result = await callWithTimeout(action, state, formData, kept);
      if (!result) return; // the action redirected; the router is already on its way
      setGuarded(result);
      onResult?.(result);
    });
  }

  return { state, formAction, pending: pending || nativePending, submit };
}

async function callWithTimeout(action: Action, prev: FormState, formData: FormData, kept: FormState): Promise<FormState | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<FormState>((resolve) => {
    timer = setTimeout(() => resolve({ ...kept, code: "network_timeout" }), ACTION_TIMEOUT_MS);
  });
  try {
    return await Promise.race([action(prev, formData), timeout]);
  } catch {
    return { ...kept, code: "network_failed" };
  } finally {
    clearTimeout(timer);
  }
}
