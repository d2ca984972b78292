import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { TotpEnrolment } from "@/lib/two-step/totp-enrolment";
import { describeTotpEnrolment } from "./describe-totp-enrolment";
import type { TwoStepActor } from "./two-step-actor";
import { openTotpSecret } from "./totp-policy";

/** The enrolment still waiting for its first code, to show again (after a wrong code), or null. */
export async function findPendingTotpEnrolment(db: Kysely<Database>, user: TwoStepActor["user"]): Promise<TotpEnrolment | null> {
  const row = await db.selectFrom("totp_credentials").select("secret_sealed").where("user_id", "=", user.id).where("confirmed_at", "is", null).executeTakeFirst();
  if (!row) return null;
  return describeTotpEnrolment(user, openTotpSecret(row.secret_sealed, user.id));
}
