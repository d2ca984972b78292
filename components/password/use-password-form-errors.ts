"use client";

import { useTranslations } from "next-intl";
import type { ErrorCode, FormState } from "@/lib/error-codes";

/**
 * The words for a password form's field errors: a new password's problems in the policy's own words (they know
 * new passwords stop at 128 characters), the current password and every other code as everywhere else.
 */
export function usePasswordFormErrors(state: FormState) {
  const te = useTranslations("errors");
  const tp = useTranslations("password.problems");
  return (field: string) => state.fieldErrors?.[field]?.map((c: ErrorCode) => (field !== "current" && tp.has(c) ? tp(c) : te(c)));
}
