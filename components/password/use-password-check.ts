"use client";

import { useCallback, useEffect, useState } from "react";
import { loadPasswordChecker, type PasswordChecker } from "@/lib/password/load-password-checker";
import type { PasswordCheck, PasswordContext } from "@/lib/password/policy-codes";

/** Waits for a pause in typing: scoring runs zxcvbn, which is too heavy for every keystroke on a slow phone. */
const TYPING_PAUSE_MS = 150;

export type PasswordCheckStatus = "idle" | "checking" | "ready" | "failed";

/**
 * The policy's verdict on `password` as the user types. The checker (zxcvbn and its dictionaries) is fetched only
 * when `load()` is called, on the field's first focus or input, so pages pay for it only when someone sets a password.
 */
export function usePasswordCheck(password: string, context: PasswordContext) {
  const [checker, setChecker] = useState<PasswordChecker | null>(null);
  const [failed, setFailed] = useState(false);
  const [checked, setChecked] = useState<{ password: string; result: PasswordCheck } | null>(null);
  const { email, mobile, name, composition } = context;

  const load = useCallback(() => {
    loadPasswordChecker().then(
      (check) => {
        setFailed(false);
        setChecker(() => check);
      },
      () => setFailed(true),
    );
  }, []);

  useEffect(() => {
    if (!checker || password === "") return;
    const timer = setTimeout(() => {
      setChecked({ password, result: checker(password, { email, mobile, name, composition }) });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [checker, password, email, mobile, name, composition]);

  // While a new verdict is pending the last one stays on screen, so the meter does not flicker at each keystroke.
  const result = password === "" ? null : (checked?.result ?? null);
  const status: PasswordCheckStatus =
    password === "" ? "idle" : failed && !checker ? "failed" : checked?.password === password ? "ready" : "checking";
  return { load, result, status };
}
