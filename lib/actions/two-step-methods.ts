"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import type { SignedIn } from "@/lib/server/auth/find-signed-in";
import { Refusal } from "@/lib/server/refusal";
import { getRequestContext } from "@/lib/server/request-context";
import { confirmTotpEnrolment } from "@/lib/server/two-step/confirm-totp-enrolment";
import { regenerateBackupCodes } from "@/lib/server/two-step/regenerate-backup-codes";
import { setSmsTwoStep } from "@/lib/server/two-step/set-sms-two-step";
import { findPendingTotpEnrolment } from "@/lib/server/two-step/find-pending-totp-enrolment";
import { startTotpEnrolment } from "@/lib/server/two-step/start-totp-enrolment";
import { turnOffTotp } from "@/lib/server/two-step/turn-off-totp";
import type { BackupCodesState, EnrolAuthenticatorState } from "@/lib/two-step/two-step-states";
import { enrolAuthenticatorSchema, noFieldsSchema, smsTwoStepSchema } from "@/lib/validation/two-step";

const PAGE = "/account/security";
const actorOf = async ({ user, session }: SignedIn) => ({ user, session, context: await getRequestContext() });

/** Adds an authenticator app: "start" answers the QR code and key, "confirm" turns it on with the app's first code. */
export const enrolAuthenticatorAction = defineFormAction(
  { session: "full", returnTo: PAGE, schema: enrolAuthenticatorSchema },
  async ({ step, code }, { signedIn }): Promise<EnrolAuthenticatorState> => {
    const db = await getDb();
    if (step === "start") return { enrolment: await startTotpEnrolment(db, signedIn) };
    try {
      if (!code?.trim()) throw new Refusal("code_required", { field: "code" });
      await confirmTotpEnrolment(db, { ...(await actorOf(signedIn)), code });
    } catch (error) {
      // A mistyped code keeps the same QR code and key on screen; other refusals end the attempt.
      if (!(error instanceof Refusal) || error.field !== "code") throw error;
      const enrolment = await findPendingTotpEnrolment(db, signedIn.user);
      return { fieldErrors: { code: [error.code] }, enrolment: enrolment ?? undefined };
    }
    revalidatePath(PAGE);
    return { ok: true };
  },
);

export const turnOffAuthenticatorAction = defineFormAction({ session: "full", returnTo: PAGE, schema: noFieldsSchema }, async (_input, { signedIn }) => {
  await turnOffTotp(await getDb(), await actorOf(signedIn));
  revalidatePath(PAGE);
});

/** Ten new backup codes, answered once; the old set stops working. */
export const regenerateBackupCodesAction = defineFormAction(
  { session: "full", returnTo: PAGE, schema: noFieldsSchema },
  async (_input, { signedIn }): Promise<BackupCodesState> => {
    const codes = await regenerateBackupCodes(await getDb(), await actorOf(signedIn));
    revalidatePath(PAGE);
    return { ok: true, codes };
  },
);

export const setSmsTwoStepAction = defineFormAction({ session: "full", returnTo: PAGE, schema: smsTwoStepSchema }, async ({ turn }, { signedIn }) => {
  await setSmsTwoStep(await getDb(), { ...(await actorOf(signedIn)), on: turn === "on" });
  revalidatePath(PAGE);
});
