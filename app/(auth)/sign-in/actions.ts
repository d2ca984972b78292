"use server";

import { AuthError } from "next-auth";
import { redirect, unstable_rethrow } from "next/navigation";
import { signIn } from "@/auth";
import { isErrorCode, type FormState } from "@/lib/error-codes";
import { SignInRefused } from "@/lib/server/auth/sign-in-errors";
import { fieldErrorsOf, signInSchema } from "@/lib/validation/auth";

/** The sign-in form's action; the rules themselves live in the Credentials provider's authorize(). */
export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = {
    identifier: formData.get("identifier") ?? undefined,
    password: formData.get("password") ?? undefined,
    remember: formData.get("remember") ?? undefined,
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  };
  const values = {
    identifier: typeof raw.identifier === "string" ? raw.identifier.slice(0, 300) : "",
    remember: raw.remember === "on" ? "on" : "",
  };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };

  const { identifier, password, remember, callbackUrl } = parsed.data;
  let frozen = false;
  try {
    await signIn("credentials", {
      identifier: identifier.value,
      password,
      remember: remember ? "on" : "",
      redirectTo: callbackUrl,
    });
  } catch (error) {
    unstable_rethrow(error); // success is a redirect
    if (error instanceof SignInRefused) {
      if (error.reason === "account_frozen") frozen = true;
      else return { code: error.reason, until: error.until, values };
    } else {
      const code = error instanceof AuthError ? (error as AuthError & { code?: unknown }).code : undefined;
      if (!isErrorCode(code)) console.error("sign-in failed unexpectedly", error);
      return { code: isErrorCode(code) ? code : "unavailable", values };
    }
  }
  // A frozen account that proved its password sees why on the status view, never the account.
  if (frozen) redirect("/account-status");
  return { ok: true };
}
