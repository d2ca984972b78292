"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { getCounterStore } from "@/lib/server/counters";
import { findOwnCase } from "@/lib/server/freeze/find-own-case";
import { reportNotMe } from "@/lib/server/freeze/report-not-me";
import { selfFreeze } from "@/lib/server/freeze/self-freeze";
import { sendUnfreezeCode } from "@/lib/server/freeze/send-unfreeze-code";
import { unfreezeSelf } from "@/lib/server/freeze/unfreeze-self";
import { Refusal } from "@/lib/server/refusal";
import { getRequestContext } from "@/lib/server/request-context";
import { findStatusTicketHolder } from "@/lib/server/status/find-status-ticket-holder";
import { findStatusViewer } from "@/lib/server/status/find-status-viewer";
import { grantStatusTicket } from "@/lib/server/status/grant-status-ticket";
import { freezeAccountSchema, freezeFromStatusSchema, notMeSchema, sendUnfreezeCodeSchema, unfreezeSchema } from "@/lib/validation/freeze";

/** Whose status this browser proved, checked again on every post (status ticket or full session). */
async function statusViewer(): Promise<string> {
  const userId = await findStatusViewer();
  if (!userId) throw new Refusal("ownership_expired");
  return userId;
}

/**
 * "Freeze my account" while signed in. The freeze ends this browser's session too, so it is handed a status
 * ticket and sent to the status view, where the way back is.
 */
export const freezeAccountAction = defineFormAction(
  { schema: freezeAccountSchema, session: "full", returnTo: "/account/freeze" },
  async ({ case: reference }, { signedIn }) => {
    const db = await getDb();
    const caseRef = reference ? await findOwnCase(db, { userId: signedIn.user.id, reference }) : null;
    if (reference && !caseRef) throw new Refusal("case_ref_invalid");
    await selfFreeze(db, { userId: signedIn.user.id, how: caseRef ? "report" : "account", caseRef, context: await getRequestContext() });
    await grantStatusTicket(signedIn.user.id);
    redirect("/account-status");
  },
);

/**
 * "Freeze my account" on the status view, after a code (or a session) proved the account. A viewer who came by
 * session loses it to the freeze, so it gets a status ticket to go on seeing the status.
 */
export const freezeFromStatusAction = defineFormAction({ schema: freezeFromStatusSchema }, async () => {
  const userId = await statusViewer();
  await selfFreeze(await getDb(), { userId, how: "status", context: await getRequestContext() });
  if (!(await findStatusTicketHolder())) await grantStatusTicket(userId);
});

/** The code an unfreeze asks for (SMS sign-in code, or a code to the chosen email or mobile). */
export const sendUnfreezeCodeAction = defineFormAction({ schema: sendUnfreezeCodeSchema, echo: ["method"] }, async ({ method }) => {
  const db = await getDb();
  const { resendAt } = await sendUnfreezeCode({ db, store: await getCounterStore(), userId: await statusViewer(), method, context: await getRequestContext() });
  return { ok: true, until: resendAt, values: { method, sent: "1" } };
});

/** Lifts a self-freeze with the password and a second proof; the status view then shows the account active. */
export const unfreezeAction = defineFormAction({ schema: unfreezeSchema, echo: ["method"] }, async ({ password, method, code }) => {
  const [db, store, context] = [await getDb(), await getCounterStore(), await getRequestContext()];
  await unfreezeSelf({ db, store, config: getConfig(), userId: await statusViewer(), password, secondFactor: { method, code }, context });
});

/** "This was not me", confirmed by a POST (mail scanners follow links but do not press buttons). */
export const reportNotMeAction = defineFormAction({ schema: notMeSchema }, async ({ token }) => {
  const { freeze, reset } = await reportNotMe({
    db: await getDb(),
    store: await getCounterStore(),
    token,
    context: await getRequestContext(),
    sendEmailLink: async (email) => {
      await signIn("nodemailer", { email, redirect: false, redirectTo: "/reset-password" });
    },
  });
  // The reset's sign-in call refreshes this page, where the spent link no longer shows: the outcome goes in the address.
  const outcome = new URLSearchParams({ done: freeze, reset: reset.via });
  if ("to" in reset) outcome.set("to", reset.to);
  if ("mobile" in reset) outcome.set("mobile", reset.mobile);
  redirect(`/not-me?${outcome}`);
});
