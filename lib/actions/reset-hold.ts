"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/auth";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { getRequestContext } from "@/lib/server/request-context";
import { placeResetHold } from "@/lib/server/reset/place-reset-hold";
import { stopResetHold } from "@/lib/server/reset/stop-reset-hold";
import { newPasswordSchema } from "@/lib/validation/password";

/** No usable second factor: the new password waits 72 hours; this reset session is spent. */
export const placeResetHoldAction = defineFormAction(
  {
    session: "reset",
    missingSession: "reset_expired",
    schema: ({ user }) => newPasswordSchema({ ...user, composition: getConfig().PASSWORD_COMPOSITION }),
  },
  async ({ password }, { signedIn }) => {
    const { effectiveAt } = await placeResetHold({ db: await getDb(), resetSessionId: signedIn.session.id, password, context: await getRequestContext() });
    await signOut({ redirect: false });
    redirect(`/reset-password?held=${effectiveAt}`);
  },
);

/** The button behind the announcement's "this was not me" link (a POST: following the link alone changes nothing). */
export const stopResetHoldAction = defineFormAction({ schema: z.object({ token: z.string().max(100).catch("") }) }, async ({ token }) => {
  const ok = token.length >= 20 && (await stopResetHold(await getDb(), { token, context: await getRequestContext() }));
  redirect(ok ? "/reset-hold?done=1" : "/reset-hold?invalid=1");
});
