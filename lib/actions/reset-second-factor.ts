"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { getCounterStore } from "@/lib/server/counters";
import { createAuthenticationOptions } from "@/lib/server/passkeys/create-passkey-options";
import { Refusal } from "@/lib/server/refusal";
import { getRequestContext } from "@/lib/server/request-context";
import { chooseResetFactors } from "@/lib/server/reset/choose-reset-factors";
import { proveResetSecondFactor } from "@/lib/server/reset/prove-reset-second-factor";
import { findTwoStepMethods } from "@/lib/server/two-step/find-two-step-methods";
import { sendSignInCode } from "@/lib/server/two-step/send-sign-in-code";
import { secondStepSchema } from "@/lib/validation/second-step";

const RESET = { session: "reset", missingSession: "reset_expired" } as const;

/** The second factor of a reset; once given, the page offers the new password. */
export const proveResetSecondFactorAction = defineFormAction({ ...RESET, schema: secondStepSchema }, async ({ method, code, response }, { signedIn }) => {
  const [db, store, context] = [await getDb(), await getCounterStore(), await getRequestContext()];
  await proveResetSecondFactor({ db, store, config: getConfig(), user: signedIn.user, session: signedIn.session, method, code, response, context });
  redirect("/reset-password");
});

/** A texted code as the reset's second factor: only when the reset came by the email link. */
export const sendResetSecondFactorCodeAction = defineFormAction({ ...RESET, schema: z.object({}) }, async (_input, { signedIn }) => {
  const db = await getDb();
  const rule = chooseResetFactors(await findTwoStepMethods(db, signedIn.user.id), signedIn.session.reset_via);
  if (!rule.required || !rule.factors.includes("sms")) throw new Refusal("invalid_input");
  const { resendAt } = await sendSignInCode({ db, store: await getCounterStore(), user: signedIn.user, context: await getRequestContext() });
  return { ok: true, until: resendAt };
});

/** A passkey challenge for the reset's second factor. */
export const resetPasskeyOptionsAction = defineFormAction({ ...RESET, schema: z.object({}) }, async (_input, { signedIn }) => {
  const options = await createAuthenticationOptions(await getDb(), { userId: signedIn.user.id, purpose: "reset" });
  return { ok: true, values: { options: JSON.stringify(options) } };
});
