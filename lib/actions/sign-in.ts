"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { Refusal } from "@/lib/server/refusal";
import { signInSchema } from "@/lib/validation/auth";

/** The sign-in form; the rules live in the Credentials provider's authorize(), which a direct POST meets too. */
export const signInAction = defineFormAction({ schema: signInSchema, echo: ["identifier", "remember"] }, async ({ identifier, password, remember, callbackUrl }) => {
  try {
    // Success is a redirect (thrown, and passed through by the wrapper).
    await signIn("credentials", { identifier: identifier.value, password, remember: remember ? "on" : "", redirectTo: callbackUrl });
  } catch (error) {
    // A frozen account that proved its password sees why on the status view, never the account.
    if (error instanceof Refusal && error.code === "account_frozen") redirect("/account-status");
    throw error;
  }
});
