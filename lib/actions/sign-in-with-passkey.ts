"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { Refusal } from "@/lib/server/refusal";
import { passkeySignInSchema } from "@/lib/validation/passkeys";

/** Passwordless sign-in: the rules live in the "passkey" provider's authorize(), which a direct POST meets too. */
export const signInWithPasskeyAction = defineFormAction({ schema: passkeySignInSchema }, async ({ response, callbackUrl }) => {
  try {
    // Success is a redirect (thrown, and passed through by the wrapper).
    await signIn("passkey", { response, redirectTo: callbackUrl });
  } catch (error) {
    // A frozen account that proved itself sees why on the status view, never the account.
    if (error instanceof Refusal && error.code === "account_frozen") redirect("/account-status");
    throw error;
  }
});
