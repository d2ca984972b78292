"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { findSetSessionPurpose } from "@/lib/server/auth/find-set-session-purpose";
import { Refusal } from "@/lib/server/refusal";
import { signInSchema } from "@/lib/validation/auth";

/** The sign-in form; the rules live in the Credentials provider's authorize(), which a direct POST meets too. */
export const signInAction = defineFormAction({ schema: signInSchema, echo: ["identifier", "remember"] }, async ({ identifier, password, remember, callbackUrl }) => {
  try {
    await signIn("credentials", { identifier: identifier.value, password, remember: remember ? "on" : "", redirect: false });
  } catch (error) {
    // A frozen account that proved its password sees why on the status view, never the account.
    if (error instanceof Refusal && error.code === "account_frozen") redirect("/account-status");
    throw error;
  }
  // A two-step account's right password opened only its second step.
  if ((await findSetSessionPurpose()) === "second_factor") redirect(`/sign-in/two-step?${new URLSearchParams({ callbackUrl })}`);
  redirect(callbackUrl);
});
