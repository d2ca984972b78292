"use server";

import { redirect, unstable_rethrow } from "next/navigation";
import { signIn } from "@/auth";
import { getDb } from "@/lib/db";
import type { FormState } from "@/lib/error-codes";
import { getCounterStore } from "@/lib/server/counters";
import { getRequestContext } from "@/lib/server/request-context";
import { requestPasswordReset } from "@/lib/server/reset/request-password-reset";
import { fieldErrorsOf } from "@/lib/validation/auth";
import { forgotPasswordSchema } from "@/lib/validation/reset";

/** Step one of a reset. The answer never depends on whether the identifier has an account. */
export async function forgotPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = formData.get("identifier");
  const values = { identifier: typeof raw === "string" ? raw.slice(0, 300) : "" };
  const parsed = forgotPasswordSchema.safeParse({ identifier: raw ?? undefined });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const { identifier } = parsed.data;

  let result;
  try {
    result = await requestPasswordReset({
      db: await getDb(),
      store: await getCounterStore(),
      identifier,
      context: await getRequestContext(),
      sendEmailLink: async (email) => {
        await signIn("nodemailer", { email, redirect: false, redirectTo: "/reset-password" });
      },
    });
  } catch (error) {
    unstable_rethrow(error);
    console.error("password reset request failed", error);
    return { code: "unavailable", values };
  }
  if (!result.ok) return { code: result.code, until: result.retryAt, values };
  // A code to a phone is typed on the reset page; a link arrives by email.
  if (identifier.kind === "mobile") redirect(`/reset-password?${new URLSearchParams({ mobile: identifier.value })}`);
  return { ok: true, values: { ...values, sent: "email" } };
}
