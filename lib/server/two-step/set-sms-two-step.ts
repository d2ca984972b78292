import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { Refusal } from "@/lib/server/refusal";
import { recordTwoStepChange } from "./record-two-step-change";
import { requireRecentProof } from "./recent-proof";
import type { TwoStepActor } from "./two-step-actor";

/**
 * Turns codes by SMS on or off. On needs a mobile on the account ("mobile_required"); asking for the state it is
 * already in changes nothing and announces nothing.
 */
export async function setSmsTwoStep(db: Kysely<Database>, { user, session, context, on, now = Date.now() }: TwoStepActor & { on: boolean; now?: number }): Promise<void> {
  requireRecentProof(session, now);
  if (on && !user.mobile) throw new Refusal("mobile_required");
  await db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable("users")
      .set({ sms_two_step_at: on ? now : null, updated_at: now })
      .where("id", "=", user.id)
      .where("sms_two_step_at", on ? "is" : "is not", null)
      .returning("id")
      .executeTakeFirst();
    if (changed) await recordTwoStepChange(trx, { user, change: on ? "sms_on" : "sms_off", context, now });
  });
}
