"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/auth";
import { getDb } from "@/lib/db";
import { createAuthenticationOptions } from "@/lib/server/passkeys/create-passkey-options";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { getCounterStore } from "@/lib/server/counters";
import { Refusal } from "@/lib/server/refusal";
import { getRequestContext } from "@/lib/server/request-context";
import { findTwoStepMethods } from "@/lib/server/two-step/find-two-step-methods";
import { sendSignInCode } from "@/lib/server/two-step/send-sign-in-code";
import { secondStepSchema } from "@/lib/validation/second-step";

const SECOND_STEP = { session: "second_factor", missingSession: "second_step_expired" } as const;

/** The second factor; the rules live in the "two-step" Credentials provider, which a direct POST meets too. */
export const completeSecondStepAction = defineFormAction({ ...SECOND_STEP, schema: secondStepSchema }, async ({ method, code, response, trust, callbackUrl }) => {
  try {
    await signIn("two-step", { method, code: code ?? "", response: response ?? "", trust: trust ? "on" : "", redirectTo: callbackUrl });
  } catch (error) {
    if (error instanceof Refusal && error.code === "account_frozen") redirect("/account-status");
    throw error;
  }
});

/** "Text me a code": to the account's own mobile, at most one a minute. */
export const sendSecondStepCodeAction = defineFormAction({ ...SECOND_STEP, schema: z.object({}) }, async (_input, { signedIn }) => {
  const db = await getDb();
  if (!(await findTwoStepMethods(db, signedIn.user.id)).sms) throw new Refusal("invalid_input");
  const { resendAt } = await sendSignInCode({ db, store: await getCounterStore(), user: signedIn.user, context: await getRequestContext() });
  return { ok: true, until: resendAt };
});

/** A passkey challenge for this account's second step (the browser then asks the authenticator). */
export const secondStepPasskeyOptionsAction = defineFormAction({ ...SECOND_STEP, schema: z.object({}) }, async (_input, { signedIn }) => {
  const options = await createAuthenticationOptions(await getDb(), { userId: signedIn.user.id, purpose: "second_factor" });
  return { ok: true, values: { options: JSON.stringify(options) } };
});
