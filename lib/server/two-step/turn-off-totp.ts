import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { Refusal } from "@/lib/server/refusal";
import { recordTwoStepChange } from "./record-two-step-change";
import { requireRecentProof } from "./recent-proof";
import type { TwoStepActor } from "./two-step-actor";

/** Removes the authenticator app (and any enrolment in progress); refused with "totp_not_on" when there is none. */
export async function turnOffTotp(db: Kysely<Database>, { user, session, context, now = Date.now() }: TwoStepActor & { now?: number }): Promise<void> {
  requireRecentProof(session, now);
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom("totp_credentials").where("user_id", "=", user.id).returning("confirmed_at").execute();
    if (!removed.some((row) => row.confirmed_at !== null)) throw new Refusal("totp_not_on");
    await recordTwoStepChange(trx, { user, change: "app_off", context, now });
  });
}
