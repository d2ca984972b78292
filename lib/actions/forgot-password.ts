"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { getCounterStore } from "@/lib/server/counters";
import { getRequestContext } from "@/lib/server/request-context";
import { requestPasswordReset } from "@/lib/server/reset/request-password-reset";
import { forgotPasswordSchema } from "@/lib/validation/reset";

/** Step one of a reset. The answer never depends on whether the identifier has an account. */
export const forgotPasswordAction = defineFormAction({ schema: forgotPasswordSchema, echo: ["identifier"] }, async ({ identifier }, { formData }) => {
  await requestPasswordReset({
    db: await getDb(),
    store: await getCounterStore(),
    identifier,
    context: await getRequestContext(),
    // The only way a reset link is requested: Auth.js's own sign-in endpoint for the email provider is closed.
    sendEmailLink: async (email) => {
      await signIn("nodemailer", { email, redirect: false, redirectTo: "/reset-password" });
    },
  });
  // A code to a phone is typed on the reset page; a link arrives by email.
  if (identifier.kind === "mobile") redirect(`/reset-password?${new URLSearchParams({ mobile: identifier.value })}`);
  return { ok: true, values: { identifier: String(formData.get("identifier")).slice(0, 300), sent: "email" } };
});
