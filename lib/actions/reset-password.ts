"use server";

import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { getCounterStore } from "@/lib/server/counters";
import { getRequestContext } from "@/lib/server/request-context";
import { requestPasswordReset } from "@/lib/server/reset/request-password-reset";
import { resetPassword } from "@/lib/server/reset/reset-password";
import { newPasswordSchema } from "@/lib/validation/password";
import { forgotPasswordSchema, resetCodeSchema } from "@/lib/validation/reset";

/** The SMS code: the right one turns this browser's visit into a reset-only session ("sms-reset" provider). */
export const verifyResetCodeAction = defineFormAction({ schema: resetCodeSchema }, async ({ identifier, code }) => {
  // Success is a redirect to /reset-password, which then shows the new-password form.
  await signIn("sms-reset", { identifier: identifier.value, code, redirectTo: "/reset-password" });
});

/** "Send a new code" on the reset page: the same rules and answer as the first request. */
export const resendResetCodeAction = defineFormAction({ schema: forgotPasswordSchema }, async ({ identifier }) => {
  const { resendAt } = await requestPasswordReset({
    db: await getDb(),
    store: await getCounterStore(),
    identifier,
    context: await getRequestContext(),
    sendEmailLink: async () => {},
  });
  return { ok: true, until: resendAt };
});

/** The new password, for the account behind this reset-only session; afterwards everyone signs in again. */
export const resetPasswordAction = defineFormAction(
  {
    session: "reset",
    missingSession: "reset_expired",
    schema: ({ user }) => newPasswordSchema({ ...user, composition: getConfig().PASSWORD_COMPOSITION }),
  },
  async ({ password }, { signedIn }) => {
    await resetPassword({ db: await getDb(), store: await getCounterStore(), resetSessionId: signedIn.session.id, password, context: await getRequestContext() });
    await signOut({ redirect: false });
    redirect("/sign-in?reset=1");
  },
);
