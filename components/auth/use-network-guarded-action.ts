"use client";

import { useState, useTransition } from "react";
import type { FormState } from "@/lib/error-codes";

export const ACTION_TIMEOUT_MS = 20_000;

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * Runs a server action from a form submit with JavaScript on, telling a network failure (offline, no answer
 * in time) apart from the server's own answer. Without JavaScript the form posts the action natively instead.
 */
export function useNetworkGuardedAction(action: Action) {
  const [state, setState] = useState<FormState | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const formData = new FormData(form);
    if (!navigator.onLine) {
      setState({ code: "network_failed", values: { identifier: String(formData.get("identifier") ?? "") } });
      return;
    }
    startTransition(async () => {
      const result = await callWithTimeout(action, formData);
      if (!result) return;
      // Like a native post, a password the server has seen is not left in the field; one it never saw is kept.
      if (!result.code?.startsWith("network_")) form.querySelectorAll<HTMLInputElement>("input[data-secret]").forEach((i) => (i.value = ""));
      setState(result);
    });
  }

  return { state, pending, submit };
}

async function callWithTimeout(action: Action, formData: FormData): Promise<FormState | undefined> {
  const values = { identifier: String(formData.get("identifier") ?? "") };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<FormState>((resolve) => {
    timer = setTimeout(() => resolve({ code: "network_timeout", values }), ACTION_TIMEOUT_MS);
  });
  try {
    return await Promise.race([action({}, formData), timeout]);
  } catch {
    // fetch() rejects only when no answer arrived at all: the server never checked the password.
    return { code: "network_failed", values };
  } finally {
    clearTimeout(timer);
  }
}
